import Foundation
import ScopePublish
import ScopeRender

/// The report's files made by two threads from opposite ends of the list: this thread takes them
/// from the front, in order, and writes each (the writes stay on one thread, in path order); the
/// other thread, once the page is done, makes and hashes them from the back until the two meet. The
/// page alone takes about as long as making, hashing and writing all the other files, so neither
/// thread waits long for the other.
final class FilesFromBothEnds: @unchecked Sendable {
    private let files: PendingFiles
    // Guarded by `condition`: the next index the front may take, the last one the back has not
    // taken, and what the back made and the front has not yet collected.
    private var front = 0
    private var back: Int
    private var madeAtTheBack: [Int: (bytes: [UInt8], digest: String)] = [:]
    private let condition = NSCondition()

    /// The files' paths, in the order `take` hands them over.
    var paths: [String] { files.paths }

    init(_ files: PendingFiles) {
        self.files = files
        back = files.paths.count - 1
    }

    /// The file at `index` (call in order, 0, 1, …): made here, unless the back took it first.
    func take(_ index: Int) -> (bytes: [UInt8], digest: String) {
        condition.lock()
        if index <= back {
            front = index + 1
            condition.unlock()
            return make(index)
        }
        while madeAtTheBack[index] == nil { condition.wait() }
        let made = madeAtTheBack.removeValue(forKey: index)!
        condition.unlock()
        return made
    }

    /// Makes files from the back until it reaches one the front has taken.
    func helpFromTheBack() {
        while true {
            condition.lock()
            guard back >= front else {
                condition.unlock()
                return
            }
            let index = back
            back -= 1
            condition.unlock()
            let made = make(index)
            condition.lock()
            madeAtTheBack[index] = made
            condition.broadcast()
            condition.unlock()
        }
    }

    private func make(_ index: Int) -> (bytes: [UInt8], digest: String) {
        let bytes = files.bytes(at: index)
        return (bytes, SHA256.hex(bytes))
    }
}
