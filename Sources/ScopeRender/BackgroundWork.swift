import Dispatch

/// Work started on another core at once; `value` waits for it to finish. A build has two cores'
/// worth of independent steps (the charts while the templates render, the page while the table
/// files are written and hashed), and the default review's build is short enough that the thread
/// costs little beside them.
public final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    // Written once by the worker before `done` is signalled, read only after waiting for it.
    private var result: Value?
    private let done = DispatchGroup()

    public init(_ work: @escaping @Sendable () -> Value) {
        done.enter()
        DispatchQueue.global().async {
            self.result = work()
            self.done.leave()
        }
    }

    public var value: Value {
        done.wait()
        return result!
    }
}
