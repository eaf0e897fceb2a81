import ScopeDiagnostics
import ScopeLoad
import XCTest

/// The `prisma:` section: what it reads, and every mistake reported at its line and column.
final class PrismaConfigDecoderTests: XCTestCase {
    func testReadsEveryBoxOfTheUpdateTemplate() throws {
        let flow = try Fixtures.flow("update.yaml")
        XCTAssertEqual(flow[.previousStudies], 25)
        XCTAssertEqual(flow.total(.databases), 1450)
        XCTAssertEqual(flow.recordsIdentified, 1534)
        XCTAssertEqual(flow.recordsRemoved, 434)
        XCTAssertEqual(flow.reportExclusionReasons.map(\.name).first, "Wrong population")
        XCTAssertEqual(flow.total(.reportsExcluded), 74)
        XCTAssertNil(flow[.reportsExcluded], "a total that was not stated is not stored")
        XCTAssertTrue(flow.isUpdate)
        XCTAssertTrue(flow.style.boldTitles)
        XCTAssertEqual(
            flow.style.tooltips[.recordsScreened], "Titles and abstracts, two reviewers independently")
        XCTAssertEqual(flow.style.links[.totalStudies], "https://example.org/review/included-studies")
        XCTAssertEqual(flow.location(of: .recordsScreened).description, "update.yaml:14:5")
    }

    func testNamedListsKeepTheAuthorsOrderAndStatedTotals() throws {
        let flow = try Fixtures.flow("other-methods.yaml")
        XCTAssertEqual(flow.databaseRecords.map(\.name), ["MEDLINE (PubMed)", "Embase", "CINAHL"])
        XCTAssertEqual(flow[.databases], 450)
        XCTAssertEqual(flow[.registers], 30)
        XCTAssertEqual(
            flow.otherMethodRecords,
            [
                NamedCount("Websites", 14), NamedCount("Organisations", 3),
                NamedCount("Citation searching", 25),
            ])
        XCTAssertEqual(flow.style.labels[.recordsScreened], "Sources of evidence screened")
        XCTAssertTrue(flow.hasOtherMethods)
        XCTAssertFalse(flow.isUpdate)
    }

    func testMistakesAreReportedAtTheirLines() throws {
        let (flow, diagnostics) = try Fixtures.decode("decode/errors.yaml")
        XCTAssertNotNil(flow, "what could be read is kept, so the checks can run in the same pass")
        XCTAssertEqual(
            diagnostics.sortedByLocation().map(\.description),
            [
                "decode/errors.yaml:4:5: error: unknown key 'databses' in 'prisma.identification'; did you mean 'databases'?",
                "decode/errors.yaml:5:16: error: 'registers' should be a whole number of at least 0, not -3",
                "decode/errors.yaml:7:19: error: 'duplicates' should be a whole number, not 12.5",
                "decode/errors.yaml:8:25: error: 'automation_tools' should be written without thousands separators: 1234, not 1,234",
                "decode/errors.yaml:9:14: error: 'prisma.screening' should be a mapping of keys to values",
                "decode/errors.yaml:11:25: error: 'records_identified' under 'other_methods' should name each source with "
                    + "its count, e.g. 'Citation searching: 12'",
                "decode/errors.yaml:12:21: error: 'reports_sought' should be a whole number, not a list or mapping",
                "decode/errors.yaml:15:7: error: unknown key 'reason' in 'reports_excluded'; did you mean 'reasons'?",
                "decode/errors.yaml:18:14: error: 'studies' should be a whole number, not 'many'",
                "decode/errors.yaml:19:13: error: 'reports' has no value; give a whole number or leave the key out",
                "decode/errors.yaml:20:16: error: 'bold_titles' should be true or false",
                "decode/errors.yaml:22:5: error: unknown key 'record_screened' in 'prisma.labels'; did you mean 'records_screened'?",
                "decode/errors.yaml:24:23: error: the link of 'records_screened' should be an https:// address without "
                    + "spaces, not 'http://example.org/screening'",
                "decode/errors.yaml:25:3: error: unknown key 'tooltip' in 'prisma'; did you mean 'tooltips'?",
            ])
    }

    func testAnEmptyListIsAnError() throws {
        let (_, diagnostics) = try Fixtures.decode("decode/empty-list.yaml")
        XCTAssertEqual(
            diagnostics.map(\.description),
            ["decode/empty-list.yaml:5:16: error: 'registers' lists nothing; leave the key out instead"])
    }

    func testASectionWithoutCountsIsAnError() throws {
        let (flow, diagnostics) = try Fixtures.decode("decode/empty.yaml")
        XCTAssertNil(flow)
        XCTAssertEqual(
            diagnostics.map(\.description),
            [
                "decode/empty.yaml:3:3: error: the 'prisma' section gives no counts; give at least the records identified"
            ])
    }

    /// A misspelt box is the one error: "gives no counts" would send the author looking elsewhere.
    func testAMisspeltBoxIsTheOnlyErrorAndNamesTheKeys() throws {
        let (flow, diagnostics) = try Fixtures.decodeYAML(
            "prisma:\n  identifcation:\n    databases: 12\n  zzz: 1\n", file: "r.yaml")
        XCTAssertNil(flow)
        XCTAssertEqual(
            diagnostics.map(\.description),
            [
                "r.yaml:2:3: error: unknown key 'identifcation' in 'prisma'; did you mean 'identification'?",
                "r.yaml:4:3: error: unknown key 'zzz' in 'prisma'; the keys read here are 'bold_titles', "
                    + "'csv', 'identification', 'included', 'labels', 'links', 'other_methods', 'previous_review', "
                    + "'records_screening', 'screening', 'studies_differ_because', 'tooltips'",
            ])
    }

    func testASectionThatIsNotAMappingIsAnError() throws {
        let (flow, diagnostics) = try Fixtures.decode("decode/not-a-mapping.yaml")
        XCTAssertNil(flow)
        XCTAssertEqual(
            diagnostics.map(\.description),
            ["decode/not-a-mapping.yaml:1:9: error: 'prisma' should be a mapping of keys to values"])
    }

    func testScreeningBoxesLeftOutByTheOptionAreAWarning() throws {
        let (flow, diagnostics) = try Fixtures.decode("decode/screening-off.yaml")
        XCTAssertEqual(flow?.style.screensRecords, false)
        XCTAssertEqual(
            diagnostics.map(\.description),
            [
                "decode/screening-off.yaml:7:5: warning: PRISMA: records screened is given, but 'records_screening: "
                    + "false' leaves that box out of the diagram"
            ])
        XCTAssertNil(flow?[.recordsScreened])
        XCTAssertFalse(try XCTUnwrap(flow).svg(id: "s").contains("Records screened"))
    }
}
