import Foundation
import XCTest

/// Manuscript claims (warnings, errors under --strict) and `build --check` for CI.
final class ClaimsAndCheckTests: XCTestCase {
    func testAClaimEditedToAWrongValueWarnsAndFailsUnderStrict() throws {
        let folder = try temporaryFolder(self)
        try copyDefaultReview(to: folder)
        XCTAssertEqual(try ScopeReportRun.run(["build"], in: folder).status, 0)
        let before = try snapshot(folder.appendingPathComponent("_report"))
        // The default config's claims: the AUC correlation is not significant (p = 0.719); claim it is.
        let config = folder.appendingPathComponent("review-data/review.yaml")
        let text = try String(contentsOf: config, encoding: .utf8)
        let edited = text.replacingOccurrences(
            of: "key: correlations.metrics-vs-samples.auc.pearson.p\n    significant: false",
            with: "key: correlations.metrics-vs-samples.auc.pearson.p\n    significant: true")
        XCTAssertNotEqual(edited, text)
        try edited.write(to: config, atomically: true, encoding: .utf8)

        let warned = try ScopeReportRun.run(["build"], in: folder)
        XCTAssertEqual(warned.status, 0, warned.stderr)
        let message =
            "claim 'auc-vs-samples' (No significant correlation of AUC with mean samples per label) no longer holds: "
            + "correlations.metrics-vs-samples.auc.pearson.p is 0.7193"
        XCTAssertTrue(warned.stderr.contains(": warning: " + message), warned.stderr)
        XCTAssertTrue(warned.stderr.contains("expected p < 0.05"), warned.stderr)

        let after = try snapshot(folder.appendingPathComponent("_report"))
        let strict = try ScopeReportRun.run(["build", "--strict"], in: folder)
        XCTAssertEqual(strict.status, 65, strict.stderr)
        XCTAssertTrue(strict.stderr.contains(": error: " + message), strict.stderr)
        XCTAssertEqual(
            try snapshot(folder.appendingPathComponent("_report")), after, "a strict failure writes nothing")
        XCTAssertNotEqual(before, after)
    }

    func testCheckFindsAStaleReportFolder() throws {
        let folder = try temporaryFolder(self)
        try copyDefaultReview(to: folder)
        XCTAssertEqual(try ScopeReportRun.run(["build"], in: folder).status, 0)
        let current = try ScopeReportRun.run(["build", "--check"], in: folder)
        XCTAssertEqual(current.status, 0, current.stderr)
        XCTAssertTrue(current.stderr.contains("_report/ is current"), current.stderr)

        let sheet = folder.appendingPathComponent("review-data/studies.csv")
        let text = try String(contentsOf: sheet, encoding: .utf8)
        try text.replacingOccurrences(of: ",430,,2,", with: ",431,,2,").write(
            to: sheet, atomically: true, encoding: .utf8)
        let before = try snapshot(folder.appendingPathComponent("_report"))
        let stale = try ScopeReportRun.run(["build", "--check"], in: folder)
        XCTAssertEqual(stale.status, 1, stale.stderr)
        XCTAssertTrue(stale.stderr.contains("_report/results.json: stale"), stale.stderr)
        XCTAssertTrue(stale.stderr.contains("_report/studies.json: stale"), stale.stderr)
        XCTAssertTrue(stale.stderr.contains("is out of date"), stale.stderr)
        XCTAssertEqual(
            try snapshot(folder.appendingPathComponent("_report")), before, "--check writes nothing")
    }
}
