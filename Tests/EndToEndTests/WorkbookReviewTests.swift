import Foundation
import XCTest

/// A review kept as real teams keep it (Tests/Fixtures/workbook-review; make-workbook.py writes its
/// workbook): an extraction workbook with a
/// title row, a row describing each column, 32 columns of which 4 are used, and the PRISMA2020 CSV the
/// package's Shiny app reads, named by the config. It builds with the settings the docs give, and the
/// `prisma` commands bring the counts into the config and back out without a byte changing.
final class WorkbookReviewTests: XCTestCase {
    private let fixture = ScopeReportRun.repository.appendingPathComponent("Tests/Fixtures/workbook-review")

    /// The fixture in a temporary folder, with the second fixture review's page skeleton and style
    /// (the fixture holds only its own report.md).
    private func copy() throws -> URL {
        let folder = try temporaryFolder(self)
        for part in ["data", "templates"] {
            try FileManager.default.copyItem(
                at: fixture.appendingPathComponent(part), to: folder.appendingPathComponent(part))
        }
        let second = ScopeReportRun.repository.appendingPathComponent(
            "Tests/Fixtures/second-review/templates")
        for name in ["page.html", "style.css"] {
            try FileManager.default.copyItem(
                at: second.appendingPathComponent(name),
                to: folder.appendingPathComponent("templates/\(name)"))
        }
        return folder
    }

    private func build(_ folder: URL) throws -> ScopeReportRun {
        try ScopeReportRun.run(
            ["build", "--data", "data", "--templates", "templates", "--out", "out"], in: folder)
    }

    func testTheWorkbookAndThePrismaCSVBuild() throws {
        let folder = try copy()
        let run = try build(folder)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("from 6 studies"), run.stderr)
        XCTAssertTrue(
            run.stderr.contains(
                "data/prisma.csv:27:8: note: PRISMA: studies included in review (44) differs from the 6 rows"),
            run.stderr)
        let files = try snapshot(folder.appendingPathComponent("out"))
        let svg = String(decoding: try XCTUnwrap(files["figures/prisma.svg"]), as: UTF8.self)
        for text in [
            "Web of Science (n = 176)", "Duplicates removed", "(EndNote) (n = 512)",
            "Citation searching (n = 14)",
        ] {
            XCTAssertTrue(svg.contains(text), "the diagram shows \(text)")
        }
        let countries = String(decoding: try XCTUnwrap(files["tables/countries.csv"]), as: UTF8.self)
        XCTAssertTrue(countries.contains("Japan"), countries)
    }

    /// Without `ignore_columns`, each unused column is still an error: a renamed column is never missed.
    func testUnusedColumnsAreErrorsUnlessIgnored() throws {
        let folder = try copy()
        let config = folder.appendingPathComponent("data/review.yaml")
        let text = try String(contentsOf: config, encoding: .utf8)
        try text.replacingOccurrences(
            of: "  ignore_columns: [\"Reviewer *\", \"Date extracted\", \"Q* *\", \"Notes\"]\n", with: ""
        )
        .replacingOccurrences(of: "Country: {", with: "Land: {")
        .write(to: config, atomically: true, encoding: .utf8)
        let run = try build(folder)
        XCTAssertEqual(run.status, 65)
        XCTAssertEqual(run.stderr.components(separatedBy: "error: unknown column").count - 1, 29, run.stderr)
        XCTAssertTrue(
            run.stderr.contains("data/extraction.xlsx:Extraction!E2: error: unknown column 'Reviewer 1'"),
            run.stderr)
    }

    func testPrismaCountsComeIntoTheConfigAndGoBackOutUnchanged() throws {
        let folder = try copy()
        let exported = try ScopeReportRun.run(["prisma", "to-csv", "--data", "data"], in: folder)
        XCTAssertEqual(exported.status, 0, exported.stderr)
        let yaml = try ScopeReportRun.run(["prisma", "from-csv", "data/prisma.csv"], in: folder)
        XCTAssertEqual(yaml.status, 0, yaml.stderr)
        XCTAssertTrue(yaml.stdout.hasPrefix("prisma:\n  identification:\n"), yaml.stdout)

        // The author switches for good: the counts go into review.yaml and the CSV is deleted.
        let config = folder.appendingPathComponent("data/review.yaml")
        var text = try String(contentsOf: config, encoding: .utf8)
        let start = try XCTUnwrap(text.range(of: "prisma:\n"))
        let end = try XCTUnwrap(text.range(of: "\nsynthesis:"))
        text.replaceSubrange(
            start.lowerBound..<end.lowerBound,
            with: yaml.stdout
                + "  studies_differ_because: the fixture's workbook holds six of the 44 studies\n")
        try text.write(to: config, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("data/prisma.csv"))
        XCTAssertEqual(try build(folder).status, 0)
        let again = try ScopeReportRun.run(["prisma", "to-csv", "--data", "data"], in: folder)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(again.stdout, exported.stdout, "CSV → YAML → CSV is byte-stable")
    }

    func testAMissingPrismaCSVIsLocated() throws {
        let folder = try copy()
        try FileManager.default.removeItem(at: folder.appendingPathComponent("data/prisma.csv"))
        let run = try build(folder)
        XCTAssertEqual(run.status, 66, run.stderr)
        XCTAssertTrue(
            run.stderr.contains(
                "data/prisma.csv: error: file not found; 'csv' under 'prisma' in review.yaml names it"),
            run.stderr)
    }

    /// The default review's counts cannot be negative (`min: 0` in its codebook): a -3 was built before.
    func testANegativeCountInTheDefaultReviewIsAnErrorAtItsCell() throws {
        let folder = try temporaryFolder(self)
        try copyDefaultReview(to: folder)
        let sheet = folder.appendingPathComponent("review-data/studies.csv")
        var rows = try String(contentsOf: sheet, encoding: .utf8).components(separatedBy: "\r\n")
        guard rows.count > 2 else { return XCTFail("the sheet has rows") }
        // Juntu2010 reports 135 patients, in the sheet's 19th column.
        XCTAssertEqual(rows[2].components(separatedBy: ",135,").count, 2, "one 135 on the row")
        rows[2] = rows[2].replacingOccurrences(of: ",135,", with: ",-3,")
        try rows.joined(separator: "\r\n").write(to: sheet, atomically: true, encoding: .utf8)
        let run = try ScopeReportRun.run(["build"], in: folder)
        XCTAssertEqual(run.status, 65, run.stderr)
        XCTAssertTrue(
            run.stderr.contains(
                "review-data/studies.csv:3:19: error: n_patients: \"-3\" is below 0, the codebook's 'min'"),
            run.stderr)
    }

    /// `init --from`: a new review around an existing sheet, its codebook read from the cells, that
    /// builds at once: the workbook's title and description rows are found, each column typed.
    func testInitFromAnExistingSheetBuildsAtOnce() throws {
        let folder = try temporaryFolder(self)
        let workbook = fixture.appendingPathComponent("data/extraction.xlsx").path
        let made = try ScopeReportRun.run(
            ["init", "review", "--from", workbook, "--sheet", "Extraction"], in: folder)
        XCTAssertEqual(made.status, 0, made.stderr)
        let review = folder.appendingPathComponent("review")
        let config = try String(
            contentsOf: review.appendingPathComponent("review-data/review.yaml"), encoding: .utf8)
        for line in [
            "  id: Study ID", "  header_row: 2", "  first_data_row: 4", "  Year: {type: year}",
            "  Design: {type: category, values: [prospective, retrospective]}",
        ] {
            XCTAssertTrue(config.contains(line + "\n"), "\(line) in\n\(config)")
        }
        let built = try ScopeReportRun.run(["build"], in: review)
        XCTAssertEqual(built.status, 0, built.stderr)
        XCTAssertTrue(built.stderr.contains("from 6 studies"), built.stderr)

        let csv = ScopeReportRun.repository.appendingPathComponent(
            "Tests/Fixtures/second-review/data/studies.csv")
        XCTAssertEqual(try ScopeReportRun.run(["init", "second", "--from", csv.path], in: folder).status, 0)
        let second = try String(
            contentsOf: folder.appendingPathComponent("second/review-data/review.yaml"), encoding: .utf8)
        for line in [
            "  participants: {type: integer, min: 0}", "  adherence: {type: fraction}",
            "  registry: {type: url}",
            "  doi: {type: doi}",
            "  settings: {type: multi-category, separator: '|', values: [home care, hospital ward, intensive care, nursing home]}",
        ] {
            XCTAssertTrue(second.contains(line + "\n"), "\(line) in\n\(second)")
        }
        let secondBuild = try ScopeReportRun.run(["build"], in: folder.appendingPathComponent("second"))
        XCTAssertEqual(secondBuild.status, 0, secondBuild.stderr)
        // The project is not written over.
        XCTAssertEqual(try ScopeReportRun.run(["init", "second", "--from", csv.path], in: folder).status, 65)
    }

    /// Before the first build there is no results.json: `placeholders` lists the names from the data.
    func testPlaceholdersListsEveryNameBeforeTheFirstBuild() throws {
        let folder = try copy()
        let run = try ScopeReportRun.run(["placeholders", "--data", "data"], in: folder)
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        for name in ["{{studies.count}}", "{{tables.countries}}", "{{figures.prisma}}", "{{metadata.title}}"]
        {
            XCTAssertTrue(lines.contains(name), "\(name) in\n\(run.stdout)")
        }
        XCTAssertTrue(
            lines.contains { $0.hasPrefix("{{#studies}} ") && $0.contains("{{Country}}") }, run.stdout)
        XCTAssertTrue(lines.contains("{{#eligibility}} {{/eligibility}}"), "an empty list")
    }
}
