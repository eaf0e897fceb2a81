import XCTest

@testable import ScopeLoad

/// The sheet's columns are parsed on every core past a size: the results must come back whole and in
/// column order whichever thread made each, and small sheets stay on the calling thread.
final class ParallelColumnsTests: XCTestCase {
    func testResultsKeepTheirOrderOnEveryCore() {
        let count = 257
        // Uneven work, so that the threads finish their columns in another order than they took them.
        let results = ParallelColumns.map(count, work: ParallelColumns.parallelFrom) { index -> [Int] in
            (0..<(index % 7) * 400).reduce(into: [index]) { list, step in
                if step % 400 == 0 { list.append(index &* step) }
            }
        }
        XCTAssertEqual(results.count, count)
        for (index, result) in results.enumerated() {
            XCTAssertEqual(result.first, index)
            XCTAssertEqual(result.count, 1 + (index % 7))
        }
    }

    func testSmallWorkStaysOnThisThread() {
        let caller = pthread_self()
        let onCaller = ParallelColumns.map(40, work: ParallelColumns.parallelFrom - 1) { _ in
            pthread_equal(pthread_self(), caller) != 0
        }
        XCTAssertEqual(onCaller, Array(repeating: true, count: 40))
    }
}
