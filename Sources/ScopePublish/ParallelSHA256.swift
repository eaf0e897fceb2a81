import Dispatch
import Foundation

extension SHA256 {
    /// The SHA-256 of each of many files, on every core: a build hashes its inputs and all its outputs
    /// (hundreds of MB for 100,000 studies), and the files are independent. Below a few MB the worker
    /// threads cost more than they save, and the hashing stays on this thread.
    public static func hex(eachOf contents: [[UInt8]]) -> [String] {
        guard contents.reduce(0, { $0 + $1.count }) >= 4 << 20 else { return contents.map { hex($0) } }
        let digests = Digests(count: contents.count)
        // Largest first, so that one big file does not start last and run alone.
        let order = contents.indices.sorted { contents[$0].count > contents[$1].count }
        DispatchQueue.concurrentPerform(iterations: order.count) { index in
            let file = order[index]
            digests.set(file, hex(contents[file]))
        }
        return digests.values
    }

    /// Each slot is written by exactly one iteration, and read after all of them have finished.
    private final class Digests: @unchecked Sendable {
        private var slots: [String]
        private let lock = NSLock()

        init(count: Int) { slots = Array(repeating: "", count: count) }

        func set(_ index: Int, _ digest: String) {
            lock.lock()
            slots[index] = digest
            lock.unlock()
        }

        var values: [String] { slots }
    }
}
