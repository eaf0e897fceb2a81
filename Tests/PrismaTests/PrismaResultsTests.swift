import ScopeLoad
import XCTest

/// The counts as they leave for results.json and tables/prisma.csv|md.
final class PrismaResultsTests: XCTestCase {
    func testKeyValuesAreStableSortedAndOnlyWhatIsGiven() throws {
        let flow = try Fixtures.flow("databases-only.yaml")
        let values = flow.keyValues
        XCTAssertEqual(values.map(\.key), values.map(\.key).sorted())
        XCTAssertEqual(
            Dictionary(uniqueKeysWithValues: values.map { ($0.key, $0.value) }),
            [
                "prisma.records.databases": 450, "prisma.records.registers": 30,
                "prisma.records.identified": 480,
                "prisma.records.removed": 60, "prisma.records.removed.duplicates": 55,
                "prisma.records.removed.automation": 0, "prisma.records.removed.other": 5,
                "prisma.records.screened": 420, "prisma.records.excluded": 300, "prisma.reports.sought": 120,
                "prisma.reports.not_retrieved": 6, "prisma.reports.assessed": 114,
                "prisma.reports.excluded": 74,
                "prisma.included.studies": 38, "prisma.included.reports": 40,
            ])
    }

    func testTableRowsFollowTheDiagramAndItsLabels() throws {
        let rows = try Fixtures.flow("other-methods.yaml").tableRows
        XCTAssertEqual(rows.first?.box, "Records identified from: Databases")
        XCTAssertEqual(rows.first?.count, 450)
        XCTAssertEqual(rows[1].box, "Databases: MEDLINE (PubMed)")
        XCTAssertTrue(rows.contains { $0.box == "Sources of evidence screened" && $0.count == 420 })
        XCTAssertTrue(
            rows.contains {
                $0.box == "Records identified from: Citation searching (other methods)" && $0.count == 25
            })
        XCTAssertTrue(
            rows.contains {
                $0.box == "Reports excluded: No relevant outcome (other methods)" && $0.count == 10
            })
        XCTAssertEqual(rows.last?.box, "Reports of included sources of evidence")
        XCTAssertEqual(rows.last?.count, 45)
    }

    func testUpdateRowsUseTheUpdateWording() throws {
        let rows = try Fixtures.flow("update.yaml").tableRows.map(\.box)
        XCTAssertEqual(rows.first, "Studies included in previous version of review")
        XCTAssertTrue(rows.contains("New studies included in review"))
        XCTAssertEqual(rows.last, "Reports of total included studies")
    }
}
