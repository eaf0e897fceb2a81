import ScopeStatistics
import XCTest

final class DescriptiveReferenceTests: XCTestCase {
    func testDescriptiveStatisticsAgreeWithNumpy() throws {
        let fixture = try ReferenceFixture.load()
        let tolerance = AgreementTolerance()
        for testCase in fixture.descriptive {
            let summary = DescriptiveStatistics.describe(testCase.values)
            XCTAssertEqual(summary.n, testCase.n, testCase.name)
            XCTAssertEqual(summary.missing, testCase.missing, testCase.name)
            let pairs: [(String, Computed<Double>, Double?)] = [
                ("mean", summary.mean, testCase.mean),
                ("sd", summary.standardDeviation, testCase.sd),
                ("median", summary.median, testCase.median),
                ("q1", summary.firstQuartile, testCase.q1),
                ("q3", summary.thirdQuartile, testCase.q3),
                ("min", summary.minimum, testCase.min),
                ("max", summary.maximum, testCase.max),
                ("sum", summary.sum, testCase.sum),
            ]
            for (label, actual, expected) in pairs {
                switch (actual, expected) {
                case (.value(let value), let expected?):
                    tolerance.magnitude(value, expected, label)
                case (.notComputable, nil):
                    break
                default:
                    XCTFail("\(testCase.name): \(label) \(actual) but numpy \(String(describing: expected))")
                }
            }
        }
        tolerance.report()
    }
}
