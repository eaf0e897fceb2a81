import CSystem
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process's one helper thread, which runs `BackgroundWork` in the order it is handed in, and
/// spins for a while when it has none before it sleeps.
///
/// Why spin: in a virtual machine, a core that has gone idle can take 1–2 ms to run a thread woken on
/// it (the host must schedule the virtual CPU again), and the default review's whole build is about
/// 10 ms of work. A thread that is started once, early, and kept busy-waiting between its pieces of
/// work is handed each in microseconds. After `idleSpin` without work it sleeps, so a long load
/// (100,000 studies) does not burn a core for seconds.
public final class SecondThread: @unchecked Sendable {
    public static let shared = SecondThread()

    /// How long the thread, or a thread waiting for it, spins before it sleeps.
    static let idleSpin: UInt64 = 20_000_000

    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    /// Signalled when work is handed in.
    private let handedIn = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// Broadcast when a piece of work finishes.
    private let finished = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    // Guarded by `mutex`; `queued` is its count, read without the lock while spinning.
    private var jobs: [@Sendable () -> Void] = []
    private let queued = Atomic<Int>(0)
    /// Pieces of work handed in (guarded by `mutex`), and finished with all they hold let go.
    private var handed = 0
    private let done = Atomic<Int>(0)
    /// False when no thread could be started: the work then runs where its value is asked for.
    private(set) var running = false

    private init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(handedIn, nil)
        pthread_cond_init(finished, nil)
        var thread = pthread_t()
        let start = Unmanaged.passRetained(self).toOpaque()
        if sr_thread_create_elsewhere(&thread, runSecondThread, start) == 0 {
            pthread_detach(thread)
            running = true
        } else {
            Unmanaged<SecondThread>.fromOpaque(start).release()
        }
    }

    func hand(_ job: @escaping @Sendable () -> Void) {
        pthread_mutex_lock(mutex)
        jobs.append(job)
        handed += 1
        queued.add(1, ordering: .releasing)
        pthread_cond_signal(handedIn)
        pthread_mutex_unlock(mutex)
    }

    fileprivate func loop() -> Never {
        while true {
            _ = Self.spin { queued.load(ordering: .acquiring) > 0 }
            pthread_mutex_lock(mutex)
            while jobs.isEmpty { pthread_cond_wait(handedIn, mutex) }
            var job: (@Sendable () -> Void)? = jobs.removeFirst()
            queued.subtract(1, ordering: .relaxed)
            pthread_mutex_unlock(mutex)
            job!()
            job = nil
            done.add(1, ordering: .releasing)
            announceFinished()
        }
    }

    /// Waits until every piece of work handed in so far is finished, with what it captured let go. For
    /// a fuzzer, whose leak check after each input must not see the input's work still under way.
    public func waitUntilIdle() {
        pthread_mutex_lock(mutex)
        let target = handed
        pthread_mutex_unlock(mutex)
        wait { done.load(ordering: .acquiring) >= target }
    }

    /// Waits until `isDone` (which a finished piece of work made true before `announceFinished`).
    public func wait(until isDone: () -> Bool) {
        if Self.spin(until: isDone) { return }
        pthread_mutex_lock(mutex)
        while !isDone() { pthread_cond_wait(finished, mutex) }
        pthread_mutex_unlock(mutex)
    }

    /// Wakes the threads sleeping in `wait`; call after making their condition true.
    public func announceFinished() {
        pthread_mutex_lock(mutex)
        pthread_cond_broadcast(finished)
        pthread_mutex_unlock(mutex)
    }

    /// Calls `ready` until it is true or `idleSpin` has passed; says which.
    static func spin(until ready: () -> Bool) -> Bool {
        if ready() { return true }
        let deadline = monotonicNanoseconds() + idleSpin
        var rounds = 0
        while true {
            sr_spin_pause()
            if ready() { return true }
            rounds += 1
            if rounds & 255 == 0, monotonicNanoseconds() >= deadline { return false }
        }
    }

    private static func monotonicNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }
}

private func runSecondThread(_ raw: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    Unmanaged<SecondThread>.fromOpaque(raw!).takeRetainedValue().loop()
}
