import ScopeStatistics
import XCTest

final class LinearFitTests: XCTestCase {
    func testFitAndBandAgreeWithScipy() throws {
        let fixture = try ReferenceFixture.load()
        let tolerance = AgreementTolerance()
        for testCase in fixture.regressions {
            let fit = try XCTUnwrap(LinearFit.fit(testCase.x, testCase.y).value, testCase.name)
            XCTAssertEqual(fit.n, testCase.x.count)
            tolerance.magnitude(fit.slope, testCase.slope, "slope")
            tolerance.magnitude(fit.intercept, testCase.intercept, "intercept")
            tolerance.magnitude(fit.criticalT, testCase.criticalT, "critical t")
            for band in testCase.bands {
                tolerance.magnitude(fit.fitted(at: band.x), band.fitted, "fitted")
                let interval = try XCTUnwrap(fit.confidenceBand(at: band.x).value)
                tolerance.magnitude(interval.lower, band.lower, "band lower")
                tolerance.magnitude(interval.upper, band.upper, "band upper")
            }
        }
        tolerance.report()
    }

    func testExactLineHasZeroWidthBand() throws {
        let fit = try XCTUnwrap(LinearFit.fit([0, 1, 2, 3], [1, 3, 5, 7]).value)
        XCTAssertEqual(fit.slope, 2)
        XCTAssertEqual(fit.intercept, 1)
        XCTAssertEqual(fit.residualStandardError, 0)
        XCTAssertEqual(fit.confidenceBand(at: 10), .value(ConfidenceInterval(lower: 21, upper: 21)))
    }

    func testUnfittableInputsSayWhy() throws {
        XCTAssertEqual(
            LinearFit.fit([1, 2], [3, 4]), .notComputable(reason: "fewer than 3 complete pairs (n = 2)"))
        XCTAssertEqual(LinearFit.fit([], []), .notComputable(reason: "fewer than 3 complete pairs (n = 0)"))
        XCTAssertEqual(LinearFit.fit([5, 5, 5], [1, 2, 3]), .notComputable(reason: "x is constant"))
        XCTAssertEqual(
            LinearFit.fit([1, 2, 3], [1, .infinity, 3]),
            .notComputable(reason: "y contains a non-finite value (inf)"))
        XCTAssertEqual(
            LinearFit.fit([1, 2, 3], [1, 2]), .notComputable(reason: "x and y differ in length (3 and 2)"))
        let fit = try XCTUnwrap(LinearFit.fit([1, 2, 3], [1, 3, 2]).value)
        XCTAssertEqual(fit.confidenceBand(at: .nan), .notComputable(reason: "x is not finite (nan)"))
        XCTAssertEqual(
            fit.confidenceBand(at: 1e300), .notComputable(reason: "x is too far from the data (1e+300)"))
    }
}
