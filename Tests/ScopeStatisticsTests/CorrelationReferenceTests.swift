import ScopeStatistics
import XCTest

final class CorrelationReferenceTests: XCTestCase {
    func testEveryCorrelationAgreesWithScipy() throws {
        let fixture = try ReferenceFixture.load()
        let tolerance = AgreementTolerance()
        for testCase in fixture.correlations {
            let (x, y) = testCase.data()
            XCTAssertEqual(x.count, testCase.n, testCase.name)
            let analysis = CorrelationAnalysis.correlate(x, y)
            XCTAssertEqual(analysis.n, testCase.n, testCase.name)

            switch (analysis.pearson, testCase.pearson) {
            case (.value(let pearson), let expected?):
                tolerance.coefficient(pearson.r, expected.r, "pearson r")
                tolerance.probability(pearson.p, expected.p, "pearson p")
                switch (pearson.confidenceInterval, expected.ci) {
                case (.value(let interval), let expectedInterval?):
                    tolerance.coefficient(interval.lower, expectedInterval.low, "pearson CI lower")
                    tolerance.coefficient(interval.upper, expectedInterval.high, "pearson CI upper")
                case (.notComputable, nil):
                    break
                case (let actual, let expectedInterval):
                    XCTFail(
                        "\(testCase.name): pearson CI \(actual) but scipy \(String(describing: expectedInterval))"
                    )
                }
            case (.notComputable, nil):
                break
            case (let actual, let expected):
                XCTFail("\(testCase.name): pearson \(actual) but scipy \(String(describing: expected))")
            }
            compare(analysis.spearman, testCase.spearman, "spearman", testCase.name, tolerance)
            compare(analysis.kendall, testCase.kendall, "kendall", testCase.name, tolerance)
        }
        tolerance.report()
    }

    private func compare(
        _ actual: Computed<RankCorrelation>, _ expected: ReferenceFixture.CorrelationCase.RankExpectation?,
        _ statistic: String, _ caseName: String, _ tolerance: AgreementTolerance
    ) {
        switch (actual, expected) {
        case (.value(let correlation), let expected?):
            tolerance.coefficient(correlation.coefficient, expected.coefficient, "\(statistic) coefficient")
            tolerance.probability(correlation.p, expected.p, "\(statistic) p")
        case (.notComputable, nil):
            break
        default:
            XCTFail("\(caseName): \(statistic) \(actual) but scipy \(String(describing: expected))")
        }
    }
}
