import ScopeDiagnostics
import ScopeLoad
import XCTest

/// Each arithmetic rule against a fixture that breaks it, with the exact messages (a broken box may
/// also break the next rule down the column: that message is part of the expectation too).
final class PrismaChecksTests: XCTestCase {
    private func checked(_ name: String) throws -> [String] {
        try Fixtures.flow("arithmetic/\(name).yaml").check().map(\.description)
    }

    func testConsistentFlowPasses() throws {
        XCTAssertEqual(try checked("consistent"), [])
        for variant in ["databases-only", "other-methods", "update"] {
            XCTAssertEqual(try Fixtures.flow("\(variant).yaml").check().map(\.description), [], variant)
        }
    }

    func testPerSourceCountsAddUpToTheirTotal() throws {
        XCTAssertEqual(
            try checked("database-total"),
            [
                "arithmetic/database-total.yaml:5:7: error: PRISMA: records identified from databases (460) should "
                    + "equal the sum of the databases listed (MEDLINE (PubMed) 212 + Embase 180 + CINAHL 58 = 450)",
                "arithmetic/database-total.yaml:16:5: error: PRISMA: records screened (420) should equal records "
                    + "identified (490) minus records removed before screening (60) = 430",
            ])
    }

    func testScreenedIsIdentifiedMinusRemoved() throws {
        XCTAssertEqual(
            try checked("screened"),
            [
                "arithmetic/screened.yaml:16:5: error: PRISMA: records screened (410) should equal records identified "
                    + "(480) minus records removed before screening (60) = 420",
                "arithmetic/screened.yaml:18:5: error: PRISMA: reports sought for retrieval (120) should equal records "
                    + "screened (410) minus records excluded (300) = 110",
            ])
    }

    func testSoughtIsScreenedMinusExcluded() throws {
        XCTAssertEqual(
            try checked("sought"),
            [
                "arithmetic/sought.yaml:18:5: error: PRISMA: reports sought for retrieval (130) should equal records "
                    + "screened (420) minus records excluded (300) = 120",
                "arithmetic/sought.yaml:20:5: error: PRISMA: reports assessed for eligibility (114) should equal "
                    + "reports sought for retrieval (130) minus reports not retrieved (6) = 124",
            ])
    }

    func testAssessedIsSoughtMinusNotRetrieved() throws {
        XCTAssertEqual(
            try checked("assessed"),
            [
                "arithmetic/assessed.yaml:20:5: error: PRISMA: reports assessed for eligibility (110) should equal "
                    + "reports sought for retrieval (120) minus reports not retrieved (6) = 114",
                "arithmetic/assessed.yaml:30:5: error: PRISMA: reports of included studies (40) should equal reports "
                    + "assessed for eligibility (110) minus reports excluded (74) = 36",
            ])
    }

    func testReasonsAddUpToReportsExcluded() throws {
        XCTAssertEqual(
            try checked("reasons"),
            [
                "arithmetic/reasons.yaml:22:7: error: PRISMA: reports excluded (70) should equal the sum of the "
                    + "reasons listed (Wrong population 31 + Wrong outcome 25 + Not primary research 14 + "
                    + "Conference abstract only 4 = 74)",
                "arithmetic/reasons.yaml:30:5: error: PRISMA: reports of included studies (40) should equal reports "
                    + "assessed for eligibility (114) minus reports excluded (70) = 44",
            ])
    }

    func testIncludedReportsAreAssessedMinusExcluded() throws {
        XCTAssertEqual(
            try checked("included-reports"),
            [
                "arithmetic/included-reports.yaml:30:5: error: PRISMA: reports of included studies (41) should equal "
                    + "reports assessed for eligibility (114) minus reports excluded (74) = 40"
            ])
    }

    func testOtherMethodsColumnIsCheckedAndAddedToTheIncludedBox() throws {
        XCTAssertEqual(
            try checked("other-methods-column"),
            [
                "arithmetic/other-methods-column.yaml:22:7: error: PRISMA: reports excluded via other methods (14) "
                    + "should equal the sum of the reasons listed (No relevant outcome 10 + Duplicate of an included "
                    + "study 3 = 13)",
                "arithmetic/other-methods-column.yaml:20:5: error: PRISMA: reports assessed for eligibility via other "
                    + "methods (19) should equal reports sought for retrieval via other methods (20) minus reports not "
                    + "retrieved via other methods (2) = 18",
                "arithmetic/other-methods-column.yaml:28:5: error: PRISMA: reports of included studies (40) should "
                    + "equal reports assessed for eligibility (114) minus reports excluded (74), plus reports assessed "
                    + "for eligibility via other methods (19) minus reports excluded via other methods (14) = 45",
            ])
    }

    func testStudiesCannotExceedReports() throws {
        XCTAssertEqual(
            try checked("studies-exceed-reports"),
            [
                "arithmetic/studies-exceed-reports.yaml:29:5: error: PRISMA: studies included in review (42) cannot "
                    + "exceed reports of included studies (40)"
            ])
        XCTAssertEqual(
            try checked("studies-without-reports"),
            [
                "arithmetic/studies-without-reports.yaml:15:5: error: PRISMA: studies included in review (41) cannot "
                    + "exceed reports assessed for eligibility (114) minus reports excluded (74) = 40"
            ])
    }

    func testUpdateTotalsAreAWarning() throws {
        let diagnostics = try Fixtures.flow("arithmetic/update-totals.yaml").check()
        XCTAssertEqual(
            diagnostics.map(\.description),
            [
                "arithmetic/update-totals.yaml:20:5: warning: PRISMA: total studies included in review (60) should "
                    + "equal studies included in previous version of review (25) plus new studies included in review "
                    + "(38) = 63"
            ])
        XCTAssertFalse(diagnostics.hasErrors)
    }

    func testWithoutScreeningLayerSoughtIsIdentifiedMinusRemoved() throws {
        XCTAssertEqual(
            try checked("no-screening-layer"),
            [
                "arithmetic/no-screening-layer.yaml:9:5: error: PRISMA: reports sought for retrieval (410) should "
                    + "equal records identified (480) minus records removed before screening (60) = 420"
            ])
    }

    func testPartialCountsAreDrawnWithAWarningNotFilledIn() throws {
        let flow = try Fixtures.flow("partial.yaml")
        XCTAssertEqual(
            flow.check().map(\.description),
            [
                "partial.yaml:3:3: warning: PRISMA: the diagram gives only some of the boxes and is drawn without these "
                    + "(no numbers are filled in): records removed before screening, records screened, records "
                    + "excluded, reports sought for retrieval, reports not retrieved, reports assessed for "
                    + "eligibility, reports excluded"
            ])
        XCTAssertEqual(
            flow.keyValues.map(\.key),
            ["prisma.included.studies", "prisma.records.databases", "prisma.records.identified"])
    }

    func testCountsBuiltInCodeMustNotBeNegative() throws {
        var flow = try Fixtures.flow("partial.yaml")
        flow[.newStudies] = -2
        flow.databaseRecords = [NamedCount("Embase", -1)]
        XCTAssertEqual(
            flow.check().errors.map(\.description),
            [
                "partial.yaml:4:5: error: PRISMA: 'Embase' in records identified from databases (-1) should be at least 0",
                "partial.yaml:6:5: error: PRISMA: studies included in review (-2) should be at least 0",
                "partial.yaml:4:5: error: PRISMA: records identified from databases (480) should equal the sum of "
                    + "the databases listed (Embase -1 = -1)",
            ])
    }

    // MARK: - Included studies against the studies sheet

    func testIncludedStudiesMustMatchTheSheetRows() throws {
        let flow = try Fixtures.flow("databases-only.yaml")
        XCTAssertEqual(flow.checkIncludedStudies(sheetRows: 38, sheet: "studies.csv"), [])
        XCTAssertEqual(
            flow.checkIncludedStudies(sheetRows: 36, sheet: "studies.csv").map(\.description),
            [
                "databases-only.yaml:26:5: error: PRISMA: studies included in review (38) should equal the number of "
                    + "rows of studies.csv (36); if they differ on purpose, say why under 'studies_differ_because'"
            ])
    }

    func testAStatedReasonTurnsTheMismatchIntoANote() throws {
        var flow = try Fixtures.flow("databases-only.yaml")
        flow.studiesDifferBecause = "two studies are reported in one row each per arm"
        XCTAssertEqual(
            flow.checkIncludedStudies(sheetRows: 40, sheet: "studies.csv").map(\.description),
            [
                "databases-only.yaml:26:5: note: PRISMA: studies included in review (38) differs from the 40 rows of "
                    + "studies.csv: two studies are reported in one row each per arm"
            ])
        XCTAssertEqual(
            flow.checkIncludedStudies(sheetRows: 38, sheet: "studies.csv").map(\.description),
            [
                "databases-only.yaml:26:5: warning: PRISMA: 'studies_differ_because' is given, but studies included in "
                    + "review (38) equals the 38 rows of studies.csv"
            ])
    }

    func testAnUpdateComparesItsTotalWithTheSheet() throws {
        let flow = try Fixtures.flow("update.yaml")
        XCTAssertEqual(flow.checkIncludedStudies(sheetRows: 63, sheet: "studies.csv"), [])
        XCTAssertEqual(flow.checkIncludedStudies(sheetRows: 38, sheet: "studies.csv").errors.count, 1)
    }
}
