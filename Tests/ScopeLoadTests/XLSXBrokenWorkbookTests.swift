import Foundation
import ScopeDiagnostics
import XCTest

@testable import ScopeLoad

/// Files that are not workbooks, or are damaged, each fail with one diagnostic a person can act on.
final class XLSXBrokenWorkbookTests: XCTestCase {
    func testNotAZIP() {
        XCTAssertEqual(
            XLSXFixtures.failure("not-a-zip.xlsx"),
            "data/not-a-zip.xlsx: error: not an XLSX workbook: the file is not a ZIP archive")
    }

    func testLegacyXLS() {
        XCTAssertEqual(
            XLSXFixtures.failure("legacy.xls"),
            "data/legacy.xls: error: not an XLSX workbook: this is a legacy Excel 97–2003 (.xls) file; "
                + "save it as .xlsx")
    }

    func testMissingFile() {
        XCTAssertEqual(
            XLSXFixtures.failure("no-such-file.xlsx"),
            "data/no-such-file.xlsx: error: cannot open the workbook: no readable file at this path")
    }

    func testZIPWithoutWorkbookPart() {
        XCTAssertEqual(
            XLSXFixtures.failure("no-workbook.xlsx"),
            "data/no-workbook.xlsx: error: not a readable XLSX workbook: it has no part xl/workbook.xml "
                + "(the list of sheets)")
    }

    func testSheetPartMissing() {
        XCTAssertEqual(
            XLSXFixtures.failure("missing-sheet-part.xlsx"),
            "data/missing-sheet-part.xlsx: error: not a readable XLSX workbook: it has no part "
                + "xl/worksheets/sheet9.xml (sheet 'Extraction')")
    }

    func testChartSheet() {
        XCTAssertEqual(
            XLSXFixtures.failure("chartsheet.xlsx"),
            "data/chartsheet.xlsx: error: sheet 'Chart1' is not a worksheet (it is a chart or dialog sheet)")
    }

    func testMalformedXMLNamesThePart() {
        XCTAssertEqual(
            XLSXFixtures.failure("malformed.xlsx"),
            "data/malformed.xlsx: error: part xl/worksheets/sheet1.xml is not well-formed XML "
                + "(libxml2 error 76 at line 1, column 191)")
    }

    func testDTDIsRefused() {
        XCTAssertEqual(
            XLSXFixtures.failure("doctype.xlsx"),
            "data/doctype.xlsx: error: part xl/worksheets/sheet1.xml declares a DTD (<!DOCTYPE>), which a "
                + "workbook never has")
    }

    func testSharedStringIndexOutOfRangeIsLocatedAtTheCell() {
        XCTAssertEqual(
            XLSXFixtures.failure("bad-shared-index.xlsx"),
            "data/bad-shared-index.xlsx:Extraction!A1: error: the cell refers to shared string '7', but the "
                + "workbook has 0 shared strings")
    }
}
