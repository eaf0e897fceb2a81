import Foundation
import ScopeDiagnostics
import ScopeLoad
import XCTest

@testable import ScopeCharts

/// A real review's PRISMA2020 CSV (a byte-order mark, CRLF, NA, heading rows with a number in n, ten
/// databases with a trailing ';' and doubled spaces, the authors' own wording for two boxes) comes in,
/// goes out as the config's `prisma:` section and back to CSV without a byte changing.
final class PrismaCSVConfigTests: XCTestCase {
    private func realReview() throws -> PrismaFlow {
        let bytes = try [UInt8](Data(contentsOf: Fixtures.url("csv/real-review.csv")))
        let (flow, diagnostics) = PrismaFlow.fromTemplateCSV(bytes, file: "prisma.csv")
        let read = try XCTUnwrap(flow, diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.description), [])
        XCTAssertEqual(read.check().map(\.description), [], "the counts add up")
        return read
    }

    func testTheRealFileIsReadWithTheAuthorsWording() throws {
        let flow = try realReview()
        XCTAssertEqual(flow.databaseRecords.count, 10)
        XCTAssertEqual(flow.databaseRecords[3], NamedCount("Web of Science", 176), "a doubled space is one")
        XCTAssertEqual(flow.total(.databases), 1480)
        XCTAssertEqual(flow.reportExclusionReasons.map(\.count), [31, 18, 7])
        XCTAssertEqual(
            flow.otherMethodRecords, [NamedCount("Websites", 6), NamedCount("Citation searching", 14)])
        XCTAssertEqual(flow.style.labels[.duplicates], "Duplicates removed (EndNote)")
        XCTAssertEqual(
            flow.style.labels[.recordsExcluded], "Records excluded after title and abstract screening")
        XCTAssertNil(flow[.previousStudies], "NA is a box the review does not use")
    }

    func testCSVToConfigToCSVIsByteStable() throws {
        let flow = try realReview()
        let yaml = flow.configYAML()
        let (back, diagnostics) = try Fixtures.decodeYAML(yaml, file: "review.yaml")
        XCTAssertEqual(diagnostics.map(\.description), [], yaml)
        let reread = try XCTUnwrap(back)
        XCTAssertEqual(reread.templateCSV().csv, flow.templateCSV().csv, yaml)
        XCTAssertEqual(reread.configYAML(), yaml, "the config reads back to itself")
        XCTAssertEqual(reread.check().map(\.description), [])
        XCTAssertTrue(
            yaml.hasPrefix("prisma:\n  identification:\n    databases:\n      MEDLINE: 412\n"), yaml)
    }

    func testEveryFixtureFlowSurvivesTheConfigRoundTrip() throws {
        for path in ["other-methods.yaml", "update.yaml", "databases-only.yaml", "partial.yaml"] {
            let flow = try Fixtures.flow(path)
            let (back, diagnostics) = try Fixtures.decodeYAML(flow.configYAML(), file: "review.yaml")
            XCTAssertEqual(diagnostics.map(\.description), [], path)
            let reread = try XCTUnwrap(back, path)
            // A stated total equal to its entries' sum is written as the entries alone: the same box.
            for count in PrismaCount.allCases { XCTAssertEqual(reread.total(count), flow.total(count), path) }
            XCTAssertEqual(reread.style, flow.style, path)
            XCTAssertEqual(reread.templateCSV().csv, flow.templateCSV().csv, path)
            XCTAssertEqual(reread.configYAML(), flow.configYAML(), path)
        }
    }

    /// `prisma: {csv: …}` names the file; the options beside it apply, and counts beside it are an error.
    func testTheConfigNamesTheCSVAndKeepsItsOptions() throws {
        let (flow, diagnostics) = try Fixtures.decodeYAML(
            """
            prisma:
              csv: prisma.csv
              studies_differ_because: two reports of one study are kept as one row
              labels: {records_screened: Sources of evidence screened}
            """, file: "review.yaml")
        XCTAssertEqual(diagnostics.map(\.description), [])
        let options = try XCTUnwrap(flow)
        XCTAssertEqual(options.countsFile?.path, "prisma.csv")
        let merged = options.withCounts(from: try realReview())
        XCTAssertEqual(merged.total(.databases), 1480)
        XCTAssertEqual(merged.style.labels[.recordsScreened], "Sources of evidence screened")
        XCTAssertEqual(merged.style.labels[.duplicates], "Duplicates removed (EndNote)")
        XCTAssertEqual(merged.studiesDifferBecause, "two reports of one study are kept as one row")

        let (_, both) = try Fixtures.decodeYAML(
            "prisma:\n  csv: prisma.csv\n  included: {studies: 3}\n", file: "review.yaml")
        XCTAssertEqual(
            both.map(\.description),
            [
                "review.yaml:2:3: error: the counts are in prisma.csv, which 'csv' names; give them there or here, not both"
            ])
    }

    /// Issue 17's layout: a ten-database search in a two-column flow. Boxes are as wide as their longest
    /// line (one database a line), as tall as their text (no box stretched to the databases' height),
    /// and the diagram fits the default page's column at 11 px text or more (930 units wide at most).
    func testATenDatabaseFlowIsLaidOutToItsContent() throws {
        let flow = try realReview()
        let layout = PrismaLayout(flow)
        XCTAssertLessThanOrEqual(layout.width, 930)
        let svg = flow.svg(id: "prisma")
        for name in [
            "ACM Digital Library (n = 31)", "Web of Science (n = 176)", "Reports assessed for eligibility",
        ] {
            XCTAssertTrue(svg.contains(">\(name)<"), "\(name) is one line")
        }
        let databases = try XCTUnwrap(layout.frame(of: .recordsIdentified))
        let removed = try XCTUnwrap(layout.frame(of: .removedBeforeScreening))
        let other = try XCTUnwrap(layout.frame(of: .otherRecordsIdentified))
        XCTAssertLessThan(removed.height, databases.height * 0.7)
        XCTAssertLessThan(other.height, databases.height * 0.5)
        XCTAssertEqual(removed.midY, databases.midY, accuracy: 0.01, "the arrow across stays level")
    }
}
