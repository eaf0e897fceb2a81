import Foundation
import XCTest

/// A second review of a different shape (nurse-led interventions: `|`-separated multi-categories, a URL
/// column, a subset by `!=`, a cross-tabulation, a correlation, a box plot) builds with the real binary,
/// which shows that nothing in the tool is tied to the default review's columns.
final class SecondReviewTests: XCTestCase {
    private var fixture: URL {
        ScopeReportRun.repository.appendingPathComponent("Tests/Fixtures/second-review")
    }

    func testSecondReviewValidatesAndBuildsAFullReport() throws {
        let data = fixture.appendingPathComponent("data").path
        let validate = try ScopeReportRun.run(["validate", "--data", data])
        XCTAssertEqual(validate.status, 0, validate.stderr)
        XCTAssertTrue(validate.stderr.contains("8 studies valid, 0 warnings"), validate.stderr)

        let out = try temporaryFolder(self).appendingPathComponent("report")
        let run = try ScopeReportRun.run([
            "build", "--data", data, "--templates", fixture.appendingPathComponent("templates").path, "--out",
            out.path,
        ])
        XCTAssertEqual(run.status, 0, run.stderr)
        let files = try snapshot(out)
        let expected = [
            "index.html", "report.md", "results.json", "manifest.json", "figures/settings.svg",
            "figures/intervention-by-design.svg", "figures/participants.svg", "figures/effect-vs-size.svg",
            "tables/years.md", "tables/settings.csv", "tables/interventions.tex",
            "tables/randomised-outcomes.md",
            "tables/intervention-by-design.md", "tables/descriptives.md", "tables/effect-vs-size.md",
            "tables/studies.md",
        ]
        for name in expected { XCTAssertNotNil(files[name], "\(name) missing") }

        let results =
            try JSONSerialization.jsonObject(with: XCTUnwrap(files["results.json"])) as! [String: Any]
        XCTAssertEqual(results["studies.count"] as? Int, 8)
        XCTAssertEqual(results["subsets.randomised.count"] as? Int, 6)

        let report = String(decoding: try XCTUnwrap(files["report.md"]), as: UTF8.self)
        XCTAssertFalse(report.contains("{{"), "every template tag is filled")
        XCTAssertTrue(report.contains("8 studies were included, 6 of them randomised"), report)
        // A multi-category cell split at `|` counts once in each of its settings.
        let settings = String(decoding: try XCTUnwrap(files["tables/settings.csv"]), as: UTF8.self)
        XCTAssertTrue(settings.contains("hospital ward,4,"), settings)
        let html = String(decoding: try XCTUnwrap(files["index.html"]), as: UTF8.self)
        XCTAssertTrue(
            html.contains("href=\"https://www.isrctn.com/ISRCTN00000004\""), "the URL column is linked")
        XCTAssertTrue(
            html.contains("href=\"https://doi.org/10.5555/nurse.2022.8\""), "the study table links the DOI")
    }

    func testANewProjectFromInitBuildsAtOnce() throws {
        let project = try temporaryFolder(self).appendingPathComponent("new")
        let created = try ScopeReportRun.run(["init", project.path])
        XCTAssertEqual(created.status, 0, created.stderr)
        let run = try ScopeReportRun.run(["build"], in: project)
        XCTAssertEqual(run.status, 0, run.stderr)
        let files = try snapshot(project.appendingPathComponent("_report"))
        for name in ["index.html", "report.md", "results.json", "manifest.json", "tables/studies.md"] {
            XCTAssertNotNil(files[name], "\(name) missing")
        }
        let results =
            try JSONSerialization.jsonObject(with: XCTUnwrap(files["results.json"])) as! [String: Any]
        XCTAssertEqual(results["studies.count"] as? Int, 3)
        // The starter's prisma: section is drawn, and its page places the diagram.
        XCTAssertNotNil(files["figures/prisma.svg"])
        let html = String(decoding: try XCTUnwrap(files["index.html"]), as: UTF8.self)
        XCTAssertTrue(html.contains("id=\"figure-prisma\""), "the page shows the PRISMA diagram")
        XCTAssertEqual(run.stderr.contains("warning"), false, run.stderr)
    }
}
