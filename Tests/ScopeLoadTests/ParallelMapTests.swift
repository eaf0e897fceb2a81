import ScopeDiagnostics
import ScopeSystem
import XCTest

/// A large sheet's columns are parsed on every core: the results must come back whole and in column
/// order whichever thread made each, and work not worth handing over stays on the calling thread.
final class ParallelMapTests: XCTestCase {
    func testResultsKeepTheirOrderOnEveryCore() {
        let count = 257
        // Uneven work, so that the threads finish their columns in another order than they took them.
        let results = ParallelMap.map(count, parallel: true) { index -> [Int] in
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
        let onCaller = ParallelMap.map(40, parallel: false) { _ in
            pthread_equal(pthread_self(), caller) != 0
        }
        XCTAssertEqual(onCaller, Array(repeating: true, count: 40))
    }
}
