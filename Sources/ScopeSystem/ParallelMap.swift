import Dispatch
import Foundation

/// `(0..<count).map(transform)` on every core, results in index order; on this thread alone unless
/// the caller says the work is worth it. Handing small work to other threads costs more than it
/// saves: the config fuzzer's two-row sheet ran 12 times slower with its columns handed over. Used for
/// a large sheet's columns and for hashing many megabytes of files.
public enum ParallelMap {
    public static func map<T: Sendable>(
        _ count: Int, parallel: Bool, _ transform: @Sendable (Int) -> T
    ) -> [T] {
        guard count > 1, parallel else { return (0..<count).map(transform) }
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

extension ParallelMap {
    /// `first()` and `second()`, at once on two cores when `parallel`, else one after the other.
    public static func both<A: Sendable, B: Sendable>(
        parallel: Bool, _ first: @Sendable () -> A, _ second: @Sendable () -> B
    ) -> (A, B) {
        guard parallel else { return (first(), second()) }
        let results = Slots<Either<A, B>>(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            results.set(index, index == 0 ? .first(first()) : .second(second()))
        }
        guard case .first(let a) = results.values[0], case .second(let b) = results.values[1] else {
            fatalError("each slot holds its own result")
        }
        return (a, b)
    }

    private enum Either<A: Sendable, B: Sendable>: Sendable {
        case first(A)
        case second(B)
    }
}
