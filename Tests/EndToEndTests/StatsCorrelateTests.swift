import Foundation
import XCTest

/// `scopereport stats correlate` on an arbitrary CSV, against values computed by scipy 1.17:
/// pearsonr, spearmanr and kendalltau(method="asymptotic") of x = [1, 2, 3, 5, 6],
/// y = [2, 4, 5.5, 11, 11.5] (the rows left after skipping a blank and a non-numeric cell).
final class StatsCorrelateTests: XCTestCase {
    func testAgreesWithScipyAndSkipsIncompleteRowsPairwise() throws {
        let folder = try temporaryFolder(self)
        let file = folder.appendingPathComponent("pairs.csv")
        try "x,y,z\n1,2,a\n2,4,\n3,5.5,b\n4,,c\nfoo,9,\n5,11,d\n6,11.5,e\n".write(
            to: file, atomically: true, encoding: .utf8)
        let run = try ScopeReportRun.run([
            "stats", "correlate", file.path, "--x", "x", "--y", "y", "--format", "json",
        ])
        XCTAssertEqual(run.status, 0, run.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(json["n"] as? Int, 5)
        XCTAssertEqual(json["skipped"] as? Int, 2)
        let pearson = json["pearson"] as! [String: Any]
        XCTAssertEqual(pearson["r"] as! Double, 0.9896737582503172, accuracy: 1e-12)
        XCTAssertEqual(pearson["p"] as! Double, 0.0012576895466393165, accuracy: 1e-9 * 0.0012576895466393165)
        let interval = pearson["ci95"] as! [Double]
        XCTAssertEqual(interval[0], 0.8467666793989788, accuracy: 1e-12)
        XCTAssertEqual(interval[1], 0.9993509641503551, accuracy: 1e-12)
        let spearman = json["spearman"] as! [String: Any]
        XCTAssertEqual(spearman["rho"] as! Double, 1, accuracy: 1e-12)
        XCTAssertEqual(spearman["p"] as! Double, 1.4042654220543602e-24, accuracy: 1e-15)
        let kendall = json["kendall"] as! [String: Any]
        XCTAssertEqual(kendall["tau"] as! Double, 1, accuracy: 1e-12)
        XCTAssertEqual(kendall["p"] as! Double, 0.014305878435429648, accuracy: 1e-9 * 0.0143)
    }

    func testNotComputableSaysWhy() throws {
        let folder = try temporaryFolder(self)
        let file = folder.appendingPathComponent("constant.csv")
        try "x,y\n1,5\n2,5\n3,5\n4,5\n".write(to: file, atomically: true, encoding: .utf8)
        let run = try ScopeReportRun.run([
            "stats", "correlate", file.path, "--x", "x", "--y", "y", "--format", "json",
        ])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(
            run.stdout.contains(
                #""pearson": {"r": null, "p": null, "ci95": null, "reason": "y is constant"}"#))
        XCTAssertTrue(
            run.stdout.contains(#""kendall": {"tau": null, "p": null, "reason": "all y values tied"}"#))
        let text = try ScopeReportRun.run(["stats", "correlate", file.path, "--x", "x", "--y", "y"])
        XCTAssertTrue(text.stdout.contains("Pearson: not computable (y is constant)"), text.stdout)
    }

    func testAnUnknownColumnIsAnError() throws {
        let folder = try temporaryFolder(self)
        let file = folder.appendingPathComponent("pairs.csv")
        try "dose,response\n1,2\n".write(to: file, atomically: true, encoding: .utf8)
        let run = try ScopeReportRun.run(["stats", "correlate", file.path, "--x", "dose", "--y", "respons"])
        XCTAssertEqual(run.status, 65)
        XCTAssertTrue(
            run.stderr.contains("error: no column named 'respons'; did you mean 'response'?"), run.stderr)
    }

    /// Cells and headers are read as `build` reads them: `0x10` and `3` followed by a NUL are not
    /// numbers (Double() made 16 and 3 of them), and a column named twice is an error, not the first.
    func testCellsAndHeadersAreReadAsTheBuildReadsThem() throws {
        let folder = try temporaryFolder(self)
        let file = folder.appendingPathComponent("pairs.csv")
        try "x,y\n1,2\n0x10,4\n3\u{0},5\n4,8\n5,9\n".write(to: file, atomically: true, encoding: .utf8)
        let run = try ScopeReportRun.run([
            "stats", "correlate", file.path, "--x", "x", "--y", "y", "--format", "json",
        ])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains(#""n": 3,"#), run.stdout)
        XCTAssertTrue(run.stdout.contains(#""skipped": 2,"#), run.stdout)

        try "x,y,x\n1,2,3\n".write(to: file, atomically: true, encoding: .utf8)
        let twice = try ScopeReportRun.run(["stats", "correlate", file.path, "--x", "x", "--y", "y"])
        XCTAssertEqual(twice.status, 65)
        XCTAssertTrue(
            twice.stderr.contains(
                "pairs.csv:1:3: error: the column 'x' appears twice in the header row; rename or delete one of them"
            ),
            twice.stderr)
    }
}
