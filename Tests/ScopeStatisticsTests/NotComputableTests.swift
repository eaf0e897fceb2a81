import ScopeStatistics
import XCTest

/// Each edge case answers with a reason a report can print, never NaN or a crash.
final class NotComputableTests: XCTestCase {
    private func assertAllThree(
        _ analysis: CorrelationAnalysis, _ reason: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(analysis.pearson.reason, reason, file: file, line: line)
        XCTAssertEqual(analysis.spearman.reason, reason, file: file, line: line)
        XCTAssertEqual(analysis.kendall.reason, reason, file: file, line: line)
    }

    func testTooFewPairs() {
        assertAllThree(CorrelationAnalysis.correlate([], []), "fewer than 3 complete pairs (n = 0)")
        assertAllThree(CorrelationAnalysis.correlate([1], [2]), "fewer than 3 complete pairs (n = 1)")
        assertAllThree(CorrelationAnalysis.correlate([1, 2], [2, 1]), "fewer than 3 complete pairs (n = 2)")
        XCTAssertEqual(CorrelationAnalysis.correlate([1, 2], [2, 1]).n, 2)
    }

    func testMismatchedLengths() {
        let analysis = CorrelationAnalysis.correlate([1, 2, 3, 4], [1, 2, 3])
        assertAllThree(analysis, "x and y differ in length (4 and 3)")
        XCTAssertEqual(analysis.n, 3)
    }

    func testNonFiniteValues() {
        assertAllThree(
            CorrelationAnalysis.correlate([1, .infinity, 3], [1, 2, 3]), "x contains a non-finite value (inf)"
        )
        assertAllThree(
            CorrelationAnalysis.correlate([1, 2, 3], [1, -.infinity, 3]),
            "y contains a non-finite value (-inf)")
        assertAllThree(
            CorrelationAnalysis.correlate([.nan, 2, 3], [1, 2, 3]), "x contains a non-finite value (nan)")
    }

    func testConstantInputs() {
        let constantX = CorrelationAnalysis.correlate([4, 4, 4, 4], [1, 2, 3, 4])
        XCTAssertEqual(constantX.pearson.reason, "x is constant")
        XCTAssertEqual(constantX.spearman.reason, "all x values tied")
        XCTAssertEqual(constantX.kendall.reason, "all x values tied")
        let constantY = CorrelationAnalysis.correlate([1, 2, 3], [0, 0, 0])
        XCTAssertEqual(constantY.pearson.reason, "y is constant")
        XCTAssertEqual(constantY.spearman.reason, "all y values tied")
        XCTAssertEqual(constantY.kendall.reason, "all y values tied")
    }

    func testPearsonIntervalNeedsFourPairs() throws {
        let pearson = try XCTUnwrap(CorrelationAnalysis.correlate([1, 2, 3], [1, 3, 2]).pearson.value)
        XCTAssertEqual(
            pearson.confidenceInterval, .notComputable(reason: "fewer than 4 complete pairs (n = 3)"))
    }

    func testPerfectCorrelationIsComputable() throws {
        let analysis = CorrelationAnalysis.correlate([1, 2, 3, 4, 5], [10, 8, 6, 4, 2])
        let pearson = try XCTUnwrap(analysis.pearson.value)
        XCTAssertEqual(pearson.r, -1)
        XCTAssertEqual(pearson.p, 0)
        XCTAssertEqual(pearson.confidenceInterval, .value(ConfidenceInterval(lower: -1, upper: -1)))
        // Through ranks, scipy too lands one ulp short of −1 (−0.9999999999999999, p ≈ 1.4e-24).
        let spearman = try XCTUnwrap(analysis.spearman.value)
        XCTAssertEqual(spearman.coefficient, -1, accuracy: 1e-15)
        XCTAssertLessThan(spearman.p, 1e-20)
        XCTAssertEqual(try XCTUnwrap(analysis.kendall.value).coefficient, -1, accuracy: 1e-15)
    }

    func testHugeValuesDoNotOverflowPearson() throws {
        let pearson = try XCTUnwrap(
            CorrelationAnalysis.correlate([-1e308, 1e308, 0, 5e307], [1, 2, 3, 4]).pearson.value)
        XCTAssertTrue(pearson.r.isFinite && pearson.p.isFinite)
    }

    func testDescriptiveEdgeCases() {
        let empty = DescriptiveStatistics.describe([])
        XCTAssertEqual(empty.n, 0)
        XCTAssertEqual(empty.mean.reason, "no values")
        XCTAssertEqual(empty.minimum.reason, "no values")
        XCTAssertEqual(empty.sum, .value(0))

        let allMissing = DescriptiveStatistics.describe([nil, nil, nil])
        XCTAssertEqual(allMissing.missing, 3)
        XCTAssertEqual(allMissing.median.reason, "no values (all 3 missing)")

        let single = DescriptiveStatistics.describe([7, nil])
        XCTAssertEqual(single.mean, .value(7))
        XCTAssertEqual(single.firstQuartile, .value(7))
        XCTAssertEqual(single.standardDeviation.reason, "fewer than 2 values (n = 1)")

        let infinite = DescriptiveStatistics.describe([1, .infinity, nil])
        XCTAssertEqual(infinite.n, 2)
        XCTAssertEqual(infinite.missing, 1)
        XCTAssertEqual(infinite.mean.reason, "values contains a non-finite value (inf)")
        XCTAssertEqual(infinite.maximum.reason, "values contains a non-finite value (inf)")

        let overflowing = DescriptiveStatistics.describe([1e308, 1e308])
        XCTAssertEqual(overflowing.sum.reason, "values too large to sum in double precision")
        XCTAssertEqual(overflowing.mean.reason, "values too large to sum in double precision")
        XCTAssertEqual(overflowing.median, .value(1e308))

        let spanningEverything = DescriptiveStatistics.describe([-1e308, 1e308, -1e308, 1e308, 0])
        XCTAssertEqual(spanningEverything.median, .value(0))
        XCTAssertEqual(spanningEverything.firstQuartile, .value(-1e308))
        XCTAssertEqual(spanningEverything.mean, .value(0))
        XCTAssertEqual(
            spanningEverything.standardDeviation.reason, "values too spread to square in double precision")
        let wide = DescriptiveStatistics.describe([-1e308, 1e308])
        XCTAssertEqual(wide.firstQuartile, .value(-5e307))
        XCTAssertEqual(wide.median, .value(0))
    }

    func testOverflowingRegressionSaysWhy() {
        XCTAssertEqual(
            LinearFit.fit([-1e308, 1e308, 1e308], [1, 2, 3]),
            .notComputable(reason: "values too large to fit in double precision"))
    }
}
