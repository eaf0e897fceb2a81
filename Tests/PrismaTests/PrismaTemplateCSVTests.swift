import ScopeDiagnostics
import ScopeLoad
import XCTest

/// Import and export of the PRISMA2020 R package / Shiny app CSV template, and the lossless round trip.
final class PrismaTemplateCSVTests: XCTestCase {
    /// What the CSV is meant to carry: the flow without where it was read from, and without the
    /// drawing options that the package sets as arguments rather than in the file.
    private func carried(_ flow: PrismaFlow) -> PrismaFlow {
        var flow = flow
        flow.locations = [:]
        flow.origin = SourceLocation(file: "")
        flow.style.boldTitles = false
        return flow
    }

    private func imported(_ text: String, file: String = "prisma.csv") throws -> PrismaFlow {
        let (flow, diagnostics) = PrismaFlow.fromTemplateCSV(text, file: file)
        XCTAssertEqual(diagnostics.map(\.description), [], "importing \(file)")
        return try XCTUnwrap(flow)
    }

    func testConfigFlowsSurviveTheRoundTrip() throws {
        for variant in ["databases-only", "update", "partial"] {
            let flow = try Fixtures.flow("\(variant).yaml")
            let (csv, diagnostics) = flow.templateCSV()
            XCTAssertEqual(diagnostics, [], variant)
            let back = try imported(csv, file: "\(variant).csv")
            // The template writes the databases' and registers' totals beside their lists.
            var expected = carried(flow)
            for count in [PrismaCount.databases, .registers] { expected[count] = flow.total(count) }
            XCTAssertEqual(carried(back), expected, variant)
            XCTAssertEqual(back.keyValues.map(\.key), flow.keyValues.map(\.key), variant)
            XCTAssertEqual(back.keyValues.map(\.value), flow.keyValues.map(\.value), variant)
            XCTAssertEqual(back.check().map(\.message), flow.check().map(\.message), variant)
            XCTAssertEqual(back.templateCSV().csv, csv, "\(variant): exporting again gives the same file")
            XCTAssertEqual(back.svg(id: "x"), carried(flow).svg(id: "x"), "\(variant): the same diagram")
        }
    }

    func testExportMatchesTheTemplateLayout() throws {
        let csv = try Fixtures.flow("databases-only.yaml").templateCSV().csv
        try assertMatchesGolden(csv, "csv/databases-only.csv")
        let template = try Fixtures.text("csv/PRISMA-template.csv")
        XCTAssertEqual(
            csv.split(separator: "\n").map {
                $0.split(separator: ",", omittingEmptySubsequences: false).prefix(3)
            },
            template.split(separator: "\n").map {
                $0.split(separator: ",", omittingEmptySubsequences: false).prefix(3)
            },
            "same rows in the same order, with the package's data, node and box columns")
    }

    func testAStatedExclusionTotalBesideItsReasonsIsFoldedIntoThem() throws {
        let flow = try Fixtures.flow("other-methods.yaml")
        let back = try imported(flow.templateCSV().csv)
        XCTAssertEqual(flow[.reportsExcluded], 74)
        XCTAssertNil(back[.reportsExcluded], "the template has one cell for the reasons or a total")
        XCTAssertEqual(back.total(.reportsExcluded), 74)
        var expected = carried(flow)
        expected[.reportsExcluded] = nil
        XCTAssertEqual(carried(back), expected)
    }

    func testShinyAppFileImports() throws {
        let (imported, diagnostics) = PrismaFlow.fromTemplateCSV(
            try Fixtures.text("csv/shiny-export.csv"), file: "shiny-export.csv")
        XCTAssertEqual(
            diagnostics.map(\.description),
            [
                "shiny-export.csv:27:7: warning: PRISMA: the url of 'new_studies' is not an https:// address "
                    + "('studies.html'); it is left out"
            ])
        let flow = try XCTUnwrap(imported)
        XCTAssertFalse(flow.isUpdate, "zeros in the previous-review rows: that column is not used")
        XCTAssertFalse(flow.hasOtherMethods, "zeros in the other-methods rows: that column is not used")
        XCTAssertNil(flow[.totalStudies], "the package draws the total box only for updates")
        XCTAssertEqual(flow.databaseRecords.map(\.count), [212, 180, 58])
        XCTAssertEqual(flow[.databases], 450)
        XCTAssertEqual(flow.registerRecords, [])
        XCTAssertEqual(flow.reportExclusionReasons.count, 4)
        XCTAssertEqual(flow.style.labels, [.recordsScreened: "Sources of evidence screened"])
        XCTAssertEqual(flow.style.tooltips, [.recordsScreened: "Titles and abstracts by two reviewers"])
        XCTAssertEqual(flow.style.links, [.recordsScreened: "https://example.org/screening"])
        XCTAssertEqual(flow.location(of: .recordsScreened).description, "shiny-export.csv:17:8")
        XCTAssertEqual(flow.check(), [])
        XCTAssertEqual(carried(try self.imported(flow.templateCSV().csv)), carried(flow))
    }

    func testPristineTemplateNamesItsPlaceholders() throws {
        let (flow, diagnostics) = PrismaFlow.fromTemplateCSV(
            try Fixtures.text("csv/PRISMA-template.csv"), file: "PRISMA.csv")
        XCTAssertEqual(
            diagnostics.map(\.description),
            [
                "PRISMA.csv:7:8: error: in the n of 'database_specific_results': the count of 'Database 1' should be "
                    + "a whole number, not 'xxx'",
                "PRISMA.csv:9:8: error: in the n of 'register_specific_results': the count of 'Register 1' should be "
                    + "a whole number, not 'xxx'",
                "PRISMA.csv:24:8: error: in the n of 'dbr_excluded': the count of 'Reason1' should be a whole number, "
                    + "not 'xxx'",
                "PRISMA.csv:26:8: error: in the n of 'other_excluded': the count of 'Reason1' should be a whole "
                    + "number, not 'xxx'",
            ])
        XCTAssertEqual(flow?[.recordsScreened], 0, "a 0 in the main column is a count, not a missing box")
    }

    func testUnknownRowsAndBadCellsAreReported() throws {
        let csv = """
            data,node,box,description,boxtext,tooltips,url,n
            database_results,node7,box2,,Databases,NA,NA,-4
            records_screened,node9,box4,,Records screened,NA,NA,12.5
            total_studies_ma,node23,box17,,Studies in meta-analysis,NA,NA,12
            new_studies,node15,box10,,New studies included in review,NA,NA,3
            new_studies,node15,box10,,New studies included in review,NA,NA,3

            """
        let (_, diagnostics) = PrismaFlow.fromTemplateCSV(csv, file: "p.csv")
        XCTAssertEqual(
            diagnostics.map(\.description),
            [
                "p.csv:2:8: error: the n of 'database_results' should be a whole number of at least 0, not -4",
                "p.csv:3:8: error: the n of 'records_screened' should be a whole number, not 12.5",
                "p.csv:4:1: warning: PRISMA: the row 'total_studies_ma' is not part of the PRISMA 2020 diagram drawn "
                    + "here; it is left out",
                "p.csv:6:1: error: the PRISMA CSV has the row 'new_studies' twice",
            ])
    }

    func testMissingColumnsAndBrokenQuotesAreErrors() {
        XCTAssertEqual(
            PrismaFlow.fromTemplateCSV("data,n\nnew_studies,3\n", file: "p.csv").1.map(\.description),
            [
                "p.csv:1:1: error: the PRISMA CSV needs the columns data,node,box,description,boxtext,tooltips,url,n; "
                    + "missing: node, box, description, boxtext, tooltips, url"
            ])
        XCTAssertEqual(
            PrismaFlow.fromTemplateCSV(
                "data,node,box,description,boxtext,tooltips,url,n\nnew_studies,\"x,3\n", file: "p.csv"
            )
            .1.map(\.description),
            [
                "p.csv:2:2: error: a quoted field opened here is never closed; add the missing closing \" (a quote "
                    + "inside a quoted field is written twice: \"\")"
            ])
    }

    func testExportWarnsAboutWhatTheTemplateCannotHold() throws {
        var flow = try Fixtures.flow("partial.yaml")
        flow.otherMethodRecords = [
            NamedCount("Citation searching", 5), NamedCount("Hand searching", 4),
            NamedCount("Experts; colleagues", 3),
            NamedCount("Conference proceedings", 2),
        ]
        flow.style.labels[.recordsIdentified] = "Sources of evidence identified from"
        let (csv, diagnostics) = flow.templateCSV()
        XCTAssertEqual(
            diagnostics.map(\.description),
            [
                "partial.yaml:3:3: warning: PRISMA: the CSV template has rows for three other-methods sources; "
                    + "'Conference proceedings' (2) is left out of the export",
                "partial.yaml:3:3: warning: PRISMA: the CSV template has no row for the label 'records_identified'; "
                    + "it is left out of the export",
                "partial.yaml:3:3: warning: PRISMA: the name 'Experts; colleagues' contains ';', which the CSV template "
                    + "uses between entries; it will not read back as one entry",
            ])
        // A source named like a template row goes to that row; the others fill the free rows in order.
        XCTAssertTrue(
            csv.contains("website_results,node17,box11,Records identified from: Websites,Hand searching,"))
        XCTAssertTrue(
            csv.contains(
                "citations_results,NA,box11,Records identified from: Citation searching,Citation searching,NA,NA,5\n"
            ))
    }
}
