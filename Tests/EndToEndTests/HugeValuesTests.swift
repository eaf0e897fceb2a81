import Foundation
import XCTest

/// Values near the largest double (1.8e308): the build finishes, a statistic that overflows is null
/// with its reason beside it, and the tables print such numbers in exponent form, not 309 digits.
final class HugeValuesTests: XCTestCase {
    func testValuesNearTheLargestDoubleBuildWithReasonsAndExponents() throws {
        let folder = try temporaryFolder(self)
        try copySecondReview(to: folder)
        let sheet = folder.appendingPathComponent("data/studies.csv")
        var lines = try String(contentsOf: sheet, encoding: .utf8).split(separator: "\n").map(String.init)
        let huge = ["1.7e308", "-1.7e308", "1.6e308", "1.5e308", "-1.2e308", "1e308", "1.1e308", "0.9e308"]
        for index in 1..<lines.count {
            var fields = lines[index].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            // risk_ratio is the 9th column in every row (no quoted field before it holds a comma).
            let column = fields.count - 4
            fields[column] = huge[index - 1]
            fields[6] = fields[6] == "12x0" ? "120" : fields[6]
            lines[index] = fields.joined(separator: ",")
        }
        try (lines.joined(separator: "\n") + "\n").write(to: sheet, atomically: true, encoding: .utf8)
        let run = try ScopeReportRun.run(
            ["build", "--data", "data", "--templates", "templates", "--out", "out"], in: folder)
        XCTAssertEqual(run.status, 0, run.stderr)
        let results = try String(
            contentsOf: folder.appendingPathComponent("out/results.json"), encoding: .utf8)
        XCTAssertTrue(results.contains(#""descriptives.risk_ratio.randomised.mean": null,"#), results)
        XCTAssertTrue(
            results.contains(
                #""descriptives.risk_ratio.randomised.mean_reason": "values too large to sum in double precision","#
            ),
            results)
        let csv = try String(
            contentsOf: folder.appendingPathComponent("out/tables/descriptives.csv"), encoding: .utf8)
        XCTAssertTrue(csv.contains(",1.00e+308,−6.75e+307,1.40e+308,−1.70e+308,1.70e+308\n"), csv)
    }
}
