import XCTest

@testable import ScopeStatistics

/// The special functions underneath the tests, each against scipy.special / scipy.stats.
final class NumericsReferenceTests: XCTestCase {
    private var fixture: ReferenceFixture!

    override func setUpWithError() throws {
        fixture = try ReferenceFixture.load()
    }

    func testLogGammaAgreesWithGammaln() {
        let tolerance = AgreementTolerance()
        for testCase in fixture.logGamma {
            tolerance.magnitude(logGamma(testCase.x), testCase.value, "ln Γ")
        }
        tolerance.report()
    }

    func testIncompleteBetaAgreesWithBetaincAndBetaincc() {
        let tolerance = AgreementTolerance()
        for testCase in fixture.incompleteBeta {
            let tails = incompleteBeta(
                a: testCase.a, b: testCase.b, x: testCase.x, complement: 1 - testCase.x)
            tolerance.probability(tails.lower, testCase.value, "betainc")
            tolerance.probability(tails.upper, testCase.complement, "betaincc")
        }
        tolerance.report()
    }

    func testStudentTAgreesWithStdtr() {
        let tolerance = AgreementTolerance()
        for testCase in fixture.tCDF {
            tolerance.probability(
                studentTCDF(testCase.t, degreesOfFreedom: testCase.df), testCase.cdf, "t CDF")
            tolerance.probability(
                studentTTwoSidedP(testCase.t, degreesOfFreedom: testCase.df), testCase.twoSided,
                "t two-sided p")
        }
        tolerance.report()
    }

    func testStudentTQuantileAgreesWithPpf() {
        let tolerance = AgreementTolerance()
        for testCase in fixture.tQuantiles {
            tolerance.magnitude(
                studentTQuantile(testCase.p, degreesOfFreedom: testCase.df), testCase.value, "t quantile")
        }
        tolerance.report()
    }

    func testNormalCDFAgreesWithNdtr() {
        let tolerance = AgreementTolerance()
        for testCase in fixture.normalCDF {
            tolerance.probability(normalCDF(testCase.z), testCase.value, "normal CDF")
        }
        tolerance.report()
    }

    func testAverageRanksShareTiedPositions() {
        XCTAssertEqual(averageRanks([10, 20, 10, 30, 20, 20]), [1.5, 4, 1.5, 6, 4, 4])
        XCTAssertEqual(averageRanks([]), [])
    }

    func testPairwiseSumFollowsNumpyOrder() {
        // numpy.sum([0.1, 0.2, 0.3]) is 0.6000000000000001: a plain left-to-right sum below 8 values.
        XCTAssertEqual(pairwiseSum([0.1, 0.2, 0.3]), 0.6000000000000001)
        // A left-to-right sum loses every 1e-16 to the leading 1 and returns 1.0; numpy's eight
        // accumulators and halving keep most of them: numpy.sum gives 1.000000000000024 here.
        let values = [1.0] + [Double](repeating: 1e-16, count: 255)
        XCTAssertEqual(pairwiseSum(values), 1.000000000000024)
    }
}
