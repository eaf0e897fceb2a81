import Dispatch
import Foundation

/// `(0..<count).map(transform)` on every core, results in index order. For the sheet's columns,
/// which are parsed independently: a 100,000-study sheet's load is mostly that parse.
enum ParallelColumns {
    static func map<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(transform) }
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
