import Foundation
import XCTest

/// What the benchmark relies on: the synthetic-review generator, big tables kept off the page, and the
/// no-op check that notices a hand-edited report.
final class LargeReviewTests: XCTestCase {
    func testTheGeneratorIsDeterministicAndItsReviewBuilds() throws {
        let folder = try temporaryFolder(self)
        for name in ["a", "b"] {
            let run = try ScopeReportRun.run([
                "generate", "--studies", "300", "--seed", "7", "--out",
                folder.appendingPathComponent(name).path,
            ])
            XCTAssertEqual(run.status, 0, run.stderr)
        }
        XCTAssertEqual(
            try snapshot(folder.appendingPathComponent("a")), try snapshot(folder.appendingPathComponent("b"))
        )
        let other = try ScopeReportRun.run([
            "generate", "--studies", "300", "--seed", "8", "--out", folder.appendingPathComponent("c").path,
        ])
        XCTAssertEqual(other.status, 0, other.stderr)
        XCTAssertNotEqual(
            try snapshot(folder.appendingPathComponent("a")), try snapshot(folder.appendingPathComponent("c"))
        )

        let build = try ScopeReportRun.run([
            "build", "--data", folder.appendingPathComponent("a").path, "--out",
            folder.appendingPathComponent("report").path,
        ])
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertTrue(build.stderr.contains("from 300 studies"), build.stderr)
        // The copied config keeps the published claims, which 300 studies cannot reproduce; nothing else warns.
        let warnings = build.stderr.split(separator: "\n").filter {
            $0.contains(": warning: ") && !$0.contains(": warning: claim '")
        }
        XCTAssertEqual(warnings, [], "a generated review validates cleanly")
    }

    func testATableAboveTheRowLimitStaysOffThePage() throws {
        let folder = try temporaryFolder(self)
        try copyDefaultReview(to: folder)
        let config = folder.appendingPathComponent("review-data/review.yaml")
        let text = try String(contentsOf: config, encoding: .utf8)
        try text.replacingOccurrences(of: "  alpha: 0.05\n", with: "  alpha: 0.05\n  max_table_rows: 30\n")
            .write(to: config, atomically: true, encoding: .utf8)
        let run = try ScopeReportRun.run(["build"], in: folder)
        XCTAssertEqual(run.status, 0, run.stderr)
        let report = try String(
            contentsOf: folder.appendingPathComponent("_report/report.md"), encoding: .utf8)
        XCTAssertTrue(
            report.contains(
                "*Its 40 rows are too many for this page: the whole table is in tables/studies.csv"), report)
        XCTAssertFalse(report.contains("| GarciaGomez2004 |"), "the 40 study rows are not inlined")
        let csv = try String(
            contentsOf: folder.appendingPathComponent("_report/tables/studies.csv"), encoding: .utf8)
        XCTAssertEqual(csv.split(separator: "\n").count, 41, "the file keeps every row")
        // The default templates' reference list follows the same limit (studies.listed).
        XCTAssertTrue(report.contains("The 40 included studies are too many to list here"), report)
        XCTAssertFalse(report.contains("doi:[10."), "no reference is listed")
    }

    func testAHandEditedReportIsRebuilt() throws {
        let folder = try temporaryFolder(self)
        try copyDefaultReview(to: folder)
        XCTAssertEqual(try ScopeReportRun.run(["build"], in: folder).status, 0)
        XCTAssertTrue(try ScopeReportRun.run(["build"], in: folder).stderr.contains("is up to date"))
        let expected = try snapshot(folder.appendingPathComponent("_report"))
        let edited = folder.appendingPathComponent("_report/report.md")
        try Data("edited by hand\n".utf8).write(to: edited)
        let run = try ScopeReportRun.run(["build"], in: folder)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(run.stderr.contains("is up to date"), run.stderr)
        XCTAssertEqual(try snapshot(folder.appendingPathComponent("_report")), expected)
    }
}
