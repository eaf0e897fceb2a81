import ScopeDiagnostics
import XCTest

@testable import ScopeLoad

/// What a sheet costs is its values, not its separators or formatted empty cells: one CSV row of 20
/// million commas (20 MB) took 2.6 GB, 4 million blank rows 2.7 GB. Blank cells are not kept unless
/// a value follows them on their row, and a cell limit stops a sheet of millions of values early.
final class SheetMemoryTests: XCTestCase {
    private func read(_ text: String, maxCells: Int = LoadLimits.default.maxCells) throws -> RawSheet {
        try CSVReader.read(Array(text.utf8), displayPath: "data/studies.csv", maxCells: maxCells)
    }

    private func cells(_ sheet: RawSheet) -> Int { sheet.rows.map(\.count).reduce(0, +) }

    func testTrailingBlankFieldsAndBlankRowsAreNotKept() throws {
        let commas = String(repeating: ",", count: 2_000_000)
        let sheet = try read(
            "id,n\nS1,3" + commas + "\n" + String(repeating: ",,,,\n", count: 200_000) + "S2,4\n")
        XCTAssertEqual(sheet.header.texts, ["id", "n"])
        XCTAssertEqual(sheet.rows.map(\.texts), [["S1", "3"], ["S2", "4"]])
        XCTAssertEqual(sheet.rows[1][0].location.description, "data/studies.csv:200003:1")
    }

    func testBlankFieldsBeforeAValueKeepTheirPlaces() throws {
        let sheet = try read("a,b,c,d\n,,x,\n")
        XCTAssertEqual(sheet.rows.map(\.texts), [["", "", "x"]])
        XCTAssertEqual(
            sheet.rows[0].map(\.location.description),
            [
                "data/studies.csv:2:1", "data/studies.csv:2:2", "data/studies.csv:2:3",
            ])
    }

    func testTheCellLimitStopsAtTheCellThatPassesIt() {
        XCTAssertThrowsError(try read("a,b,c\n1,2,3\n4,,6\n", maxCells: 7)) { error in
            XCTAssertEqual(
                (error as! DiagnosticsError).description,
                "data/studies.csv:3:3: error: the sheet has more than 7 cells, counting blank ones between values "
                    + "(raise 'max_cells' under 'sheet: limits:' if it is right)")
        }
    }

    func testFormattedEmptyWorkbookCellsAreNotKept() throws {
        let sheet = try XLSXFixtures.read("empty-cells.xlsx")
        XCTAssertEqual(sheet.header.texts, ["id", "n"])
        XCTAssertEqual(sheet.rows.first?.texts, ["S1", "3"])
        XCTAssertEqual(cells(sheet), 2, "30,000 empty cells in 10,000 rows take no cells")
    }

    /// A cell given twice used to take the second value silently.
    func testAWorkbookCellGivenTwiceIsAnError() {
        XCTAssertEqual(
            XLSXFixtures.failure("duplicate-cell.xlsx"),
            "data/duplicate-cell.xlsx:Extraction!B2: error: the worksheet gives this cell twice ('3', then '4'); "
                + "the file is damaged: open it in Excel and save it again")
    }

    /// Double() reads 0x1p3 as 8; no author typed that number.
    func testAHexNumberInAWorkbookIsNotANumber() {
        XCTAssertEqual(
            XLSXFixtures.failure("hex-number.xlsx"),
            "data/hex-number.xlsx:Extraction!B2: error: the numeric cell holds '0x1p3', which is not a number"
        )
    }
}
