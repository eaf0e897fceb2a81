import ScopeStatistics
import XCTest

final class PValueAdjustmentTests: XCTestCase {
    func testAdjustmentsAgreeWithReferenceDefinitions() throws {
        let fixture = try ReferenceFixture.load()
        let tolerance = AgreementTolerance()
        for testCase in fixture.adjustments {
            let holm = try XCTUnwrap(PValueAdjustment.holm(testCase.p).value)
            let bh = try XCTUnwrap(PValueAdjustment.benjaminiHochberg(testCase.p).value)
            XCTAssertEqual(holm.count, testCase.p.count)
            XCTAssertEqual(bh.count, testCase.p.count)
            for index in testCase.p.indices {
                tolerance.probability(holm[index], testCase.holm[index], "holm")
                tolerance.probability(bh[index], testCase.bh[index], "bh")
            }
        }
        tolerance.report()
    }

    /// Worked by hand: sorted 0.005, 0.01, 0.03, 0.04 with m = 4.
    /// Holm: 4·0.005 = 0.02, 3·0.01 = 0.03, 2·0.03 = 0.06, max(0.06, 1·0.04) = 0.06.
    /// BH: 0.04·4/4 = 0.04, min(0.04, 0.03·4/3) = 0.04, min(0.04, 0.01·4/2) = 0.02, 0.005·4/1 = 0.02.
    func testHandWorkedExampleInInputOrder() throws {
        let p = [0.01, 0.04, 0.03, 0.005]
        let holm = try XCTUnwrap(PValueAdjustment.holm(p).value)
        let bh = try XCTUnwrap(PValueAdjustment.benjaminiHochberg(p).value)
        for (actual, expected) in zip(holm, [0.03, 0.06, 0.06, 0.02]) {
            XCTAssertEqual(actual, expected, accuracy: 1e-15)
        }
        for (actual, expected) in zip(bh, [0.02, 0.04, 0.04, 0.02]) {
            XCTAssertEqual(actual, expected, accuracy: 1e-15)
        }
    }

    func testAdjustedValuesAreCappedAtOne() throws {
        XCTAssertEqual(try XCTUnwrap(PValueAdjustment.holm([0.6, 0.7]).value), [1, 1])
        XCTAssertEqual(try XCTUnwrap(PValueAdjustment.benjaminiHochberg([0.6, 0.7]).value), [0.7, 0.7])
    }

    func testEmptyAndSingleInputs() {
        XCTAssertEqual(PValueAdjustment.holm([]), .value([]))
        XCTAssertEqual(PValueAdjustment.benjaminiHochberg([]), .value([]))
        XCTAssertEqual(PValueAdjustment.holm([0.2]), .value([0.2]))
        XCTAssertEqual(PValueAdjustment.benjaminiHochberg([0.2]), .value([0.2]))
    }

    func testValuesOutsideTheUnitIntervalAreRejected() {
        XCTAssertEqual(
            PValueAdjustment.holm([0.1, 1.5]),
            .notComputable(reason: "p-value 2 is not between 0 and 1 (1.5)"))
        XCTAssertEqual(
            PValueAdjustment.benjaminiHochberg([-0.01]),
            .notComputable(reason: "p-value 1 is not between 0 and 1 (-0.01)"))
        XCTAssertEqual(
            PValueAdjustment.holm([0.1, .nan]),
            .notComputable(reason: "p-value 2 is not between 0 and 1 (nan)"))
    }
}
