import Foundation

/// The outcome of the preview's last build, shared by the thread that builds and the server's tasks.
/// `generation` counts the builds that changed what the page shows, so that an open page knows when
/// to reload.
final class PreviewState: @unchecked Sendable {
    struct Snapshot: Sendable {
        var generation = 0
        /// The build's diagnostics and summary, as the terminal shows them, when it failed; nil when
        /// the report folder holds the last build.
        var failure: [String]?
    }

    private let lock = NSLock()
    private var current = Snapshot()

    var snapshot: Snapshot { lock.withLock { current } }

    func update(failure: [String]?) {
        lock.withLock {
            current.generation += 1
            current.failure = failure
        }
    }
}
