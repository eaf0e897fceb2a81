import ScopeDiagnostics
import ScopePublish
import ScopeRender
import Synchronization

/// The report's files made by two threads from opposite ends of the list: this thread takes them
/// from the front, in order, and writes each (the writes stay on one thread, in path order); the
/// other thread, once the page is done, makes and hashes them from the back until the two meet. The
/// page alone takes about as long as making, hashing and writing all the other files, so neither
/// thread waits long for the other.
final class FilesFromBothEnds: Sendable {
    private struct Ends {
        /// The next index the front may take, and the last one the back has not taken.
        var front = 0
        var back: Int
        /// What the back made and the front has not yet collected.
        var madeAtTheBack: [Int: (bytes: [UInt8], digest: String)] = [:]
    }

    private let files: PendingFiles
    private let ends: Mutex<Ends>

    /// The files' paths, in the order `take` hands them over.
    var paths: [String] { files.paths }

    init(_ files: PendingFiles) {
        self.files = files
        ends = Mutex(Ends(back: files.paths.count - 1))
    }

    /// The file at `index` (call in order, 0, 1, …): made here, unless the back took it first.
    func take(_ index: Int) -> (bytes: [UInt8], digest: String) {
        let isMine = ends.withLock { ends in
            guard index <= ends.back else { return false }
            ends.front = index + 1
            return true
        }
        if isMine { return make(index) }
        SecondThread.shared.wait { ends.withLock { $0.madeAtTheBack[index] != nil } }
        return ends.withLock { $0.madeAtTheBack.removeValue(forKey: index)! }
    }

    /// Makes files from the back until it reaches one the front has taken.
    func helpFromTheBack() {
        while true {
            let next = ends.withLock { ends -> Int? in
                guard ends.back >= ends.front else { return nil }
                ends.back -= 1
                return ends.back + 1
            }
            guard let index = next else { return }
            let made = make(index)
            ends.withLock { $0.madeAtTheBack[index] = made }
            SecondThread.shared.announceFinished()
        }
    }

    private func make(_ index: Int) -> (bytes: [UInt8], digest: String) {
        let bytes = files.bytes(at: index)
        return (bytes, SHA256.hex(bytes))
    }
}
