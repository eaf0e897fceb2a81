import Dispatch
import Foundation

/// `(0..<count).map(transform)` on every core, results in index order. For the sheet's columns,
/// which are parsed independently: a 100,000-study sheet's load is mostly that parse. Below
/// `parallelFrom` units of work (cells) it stays on this thread: handing a small sheet's columns to
/// other threads cost more than parsing them (the config fuzzer's two-row sheet ran 12 times slower).
enum ParallelColumns {
    static let parallelFrom = 20_000

    static func map<T: Sendable>(_ count: Int, work: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        guard count > 1, work >= parallelFrom else { return (0..<count).map(transform) }
        let slots = Slots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots.set(index, transform(index))
        }
        return slots.values
    }

    /// Each slot is written by exactly one iteration, and read after all of them have finished.
    private final class Slots<T: Sendable>: @unchecked Sendable {
        private var slots: [T?]
        private let lock = NSLock()

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: T) {
            lock.lock()
            slots[index] = value
            lock.unlock()
        }

        var values: [T] { slots.map { $0! } }
    }
}
