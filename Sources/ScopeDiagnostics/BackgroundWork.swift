import Synchronization

/// Work handed to the other core at once; `value` waits for it to finish. A build has two cores'
/// worth of independent steps (the templates parse while the data loads, the charts while the
/// tables render, the page while the other files are written and hashed).
///
/// Whichever thread comes to the work first does it: when `value` is asked for before the helper
/// thread has started it, this thread does it itself, so a late helper never makes the build wait,
/// and work handed in from the helper thread cannot wait for itself.
public final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private static var waiting: Int { 0 }
    private static var underway: Int { 1 }
    private static var done: Int { 2 }

    private let state = Atomic<Int>(0)
    // Touched only by the thread that moved `state` from waiting to underway, until it sets done;
    // read by others only after they see done.
    private var work: (@Sendable () -> Value)?
    private var result: Value?

    public init(_ work: @escaping @Sendable () -> Value) {
        self.work = work
        let helper = SecondThread.shared
        guard helper.running else { return }
        // The helper announces each piece of work it finishes, so that a waiting `value` wakes.
        helper.hand { [self] in
            guard claim() else { return }
            run()
        }
    }

    public var value: Value {
        if claim() {
            run()
        } else {
            SecondThread.shared.wait { state.load(ordering: .acquiring) == Self.done }
        }
        return result!
    }

    private func claim() -> Bool {
        state.compareExchange(expected: Self.waiting, desired: Self.underway, ordering: .acquiring).exchanged
    }

    private func run() {
        result = work!()
        work = nil
        state.store(Self.done, ordering: .releasing)
    }
}
