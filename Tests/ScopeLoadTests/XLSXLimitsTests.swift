import Foundation
import ScopeDiagnostics
import XCTest

@testable import ScopeLoad

/// Each limit, breached by a crafted file or by lowering the limit under a real one, names itself.
final class XLSXLimitsTests: XCTestCase {
    func testCompressionRatioIsCheckedBeforeInflating() {
        XCTAssertEqual(
            XLSXFixtures.failure("bomb.xlsx"),
            "data/bomb.xlsx: error: part xl/worksheets/sheet1.xml would inflate 982 times its compressed size, "
                + "over the limit of 200:1 (limits: max_compression_ratio); this looks like a ZIP bomb")
    }

    func testEntrySizeIsCheckedBeforeInflating() {
        XCTAssertEqual(
            XLSXFixtures.failure("studies.xlsx", limits: XLSXLimits(maxEntryBytes: 10_000)),
            "data/studies.xlsx: error: part xl/sharedStrings.xml would inflate to 54495 bytes, over the limit "
                + "of 10000 bytes (limits: max_unpacked_mb)")
    }

    func testALyingZIPDirectoryIsCaughtWhileInflating() {
        XCTAssertEqual(
            XLSXFixtures.failure("lying-size.xlsx"),
            "data/lying-size.xlsx: error: part xl/worksheets/sheet1.xml inflates past the 100 bytes its ZIP "
                + "directory declares; the file is damaged or crafted")
    }

    func testRows() {
        XCTAssertEqual(
            XLSXFixtures.failure("typed.xlsx", sheet: "Extraction", limits: XLSXLimits(maxRows: 4)),
            "data/typed.xlsx: error: the sheet has a row numbered 5, past the limit of 4 rows (limits: max_rows)"
        )
    }

    func testColumns() {
        XCTAssertEqual(
            XLSXFixtures.failure("typed.xlsx", sheet: "Extraction", limits: XLSXLimits(maxColumns: 10)),
            "data/typed.xlsx:Extraction!K1: error: the sheet has a cell in column 11, past the limit of 10 "
                + "columns (limits: max_columns)")
    }

    func testCellsCountTheGapsOfSparseRows() {
        // Row 5 has cells in A, B, C, F and K: reaching K fills D, E, G–J as well.
        XCTAssertEqual(
            XLSXFixtures.failure("typed.xlsx", sheet: "Extraction", limits: XLSXLimits(maxCells: 40)),
            "data/typed.xlsx:Extraction!K5: error: the sheet has more than 40 cells, counting blank ones "
                + "between values (raise 'max_cells' under 'sheet: limits:' if it is right)")
    }

    func testXMLDepth() {
        XCTAssertEqual(
            XLSXFixtures.failure("deep.xlsx"),
            "data/deep.xlsx: error: part xl/worksheets/sheet1.xml nests XML elements deeper than 128 levels "
                + "(maxXMLDepth)")
    }

    func testCellLength() {
        // This workbook has no shared strings, so the limit is met at the cell itself.
        XCTAssertEqual(
            XLSXFixtures.failure("dates1904.xlsx", limits: XLSXLimits(maxCellCharacters: 9)),
            "data/dates1904.xlsx:Dates!A1: error: the cell has 10 characters, over the limit of 9 "
                + "(limits: max_cell_characters)")
    }

    func testSharedStringLength() {
        XCTAssertEqual(
            XLSXFixtures.failure("typed.xlsx", limits: XLSXLimits(maxCellCharacters: 20)),
            "data/typed.xlsx: error: shared string 1 in xl/sharedStrings.xml has 33 characters, over the limit "
                + "of 20 (limits: max_cell_characters)")
    }

    func testDefaultsAreTheDocumentedOnes() {
        let limits = XLSXLimits.default
        XCTAssertEqual(limits.maxEntryBytes, 256 * 1024 * 1024)
        XCTAssertEqual(limits.maxCompressionRatio, 200)
        XCTAssertEqual(limits.maxRows, 1_000_000)
        XCTAssertEqual(limits.maxColumns, 16_384)
        XCTAssertEqual(limits.maxCellCharacters, 32_767)
    }
}
