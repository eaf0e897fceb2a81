import ScopeDiagnostics
import Synchronization
import XCTest

/// The build's second thread: each piece of work is done once, by whichever thread comes to it first,
/// and work handed in from the helper thread itself cannot wait for itself.
final class BackgroundWorkTests: XCTestCase {
    func testEachPieceOfWorkRunsOnceAndGivesItsValue() {
        let runs = Counter()
        let works = (0..<200).map { index in
            BackgroundWork { () -> Int in
                runs.value.add(1, ordering: .relaxed)
                return index * index
            }
        }
        // From the last back, so that this thread takes some before the helper comes to them.
        for (index, work) in works.enumerated().reversed() {
            XCTAssertEqual(work.value, index * index)
            XCTAssertEqual(work.value, index * index, "a second ask gives the same value")
        }
        XCTAssertEqual(runs.value.load(ordering: .relaxed), 200)
    }

    func testWorkHandedInFromTheHelperDoesNotWaitForItself() {
        let outer = BackgroundWork { () -> Int in
            // On the helper thread: the inner work queues behind this one, so its value must be made
            // here rather than waited for.
            let inner = BackgroundWork { 41 }
            return inner.value + 1
        }
        XCTAssertEqual(outer.value, 42)
    }

    func testTheHelperRunsOnAnotherThread() {
        let caller = pthread_self()
        let started = Counter()
        let work = BackgroundWork { () -> Bool in
            started.value.add(1, ordering: .releasing)
            return pthread_equal(pthread_self(), caller) == 0
        }
        // Wait for the helper to begin it, so that this thread does not take it itself.
        while started.value.load(ordering: .acquiring) == 0 { sched_yield() }
        XCTAssertTrue(work.value)
    }
}

/// An atomic count that closures can share.
private final class Counter: Sendable {
    let value = Atomic<Int>(0)
}
