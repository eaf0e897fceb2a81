import Foundation
import ScopeDiagnostics
import XCTest

@testable import ScopeLoad

final class XLSXReaderTests: XCTestCase {
    func testStudiesWorkbookFromLibreOfficeMatchesTheCSVCellForCell() throws {
        let expectedURL = XLSXFixtures.url("studies.expected.json")
        let expected = try JSONDecoder().decode([[String]].self, from: Data(contentsOf: expectedURL))
        let sheet = try XLSXFixtures.read("studies.xlsx")
        XCTAssertEqual(sheet.header.texts, expected[0])
        XCTAssertEqual(sheet.rows.count, expected.count - 1)
        for (index, row) in sheet.rows.enumerated() {
            // The reader drops trailing empty cells; the CSV keeps every field.
            var csvRow = expected[index + 1]
            while csvRow.last == "" { csvRow.removeLast() }
            XCTAssertEqual(row.texts, csvRow, "row \(index + 2)")
        }
        XCTAssertEqual(sheet.rows[0][1].text, "García-Gómez JM")
        XCTAssertEqual(sheet.displayPath, "data/studies.xlsx")
    }

    func testDefaultIsTheFirstSheetAndSheetsAreChosenByName() throws {
        XCTAssertEqual(try XLSXFixtures.read("typed.xlsx").header.texts, ["about"])
        XCTAssertEqual(try XLSXFixtures.read("typed.xlsx", sheet: "Extraction").header.first?.text, "id")
    }

    func testUnknownSheetNameListsTheSheets() {
        XCTAssertEqual(
            XLSXFixtures.failure("typed.xlsx", sheet: "Foo"),
            "data/typed.xlsx: error: no sheet named 'Foo'; the workbook has: Notes, Extraction, Empty")
    }

    func testLibreOfficeTypedCells() throws {
        let sheet = try XLSXFixtures.read("typed.xlsx", sheet: "Extraction")
        XCTAssertEqual(
            sheet.header.texts,
            [
                "id", "year", "auc", "tiny", "checked", "published", "read_at", "authors", "joined",
                "quarter", "broken",
            ])
        XCTAssertEqual(
            sheet.rows[0].texts,
            [
                "GarciaGomez2004", "2004", "0.93", "1e-07", "TRUE", "2004-02-01", "2021-03-04T14:30:00",
                "García-Gómez JM\nVallières M", "abcd", "0.25", "#DIV/0!",
            ])
        // A sparse row: the gaps are empty cells at their own places, and a boolean formula's result
        // (stored by LibreOffice as 0 under a TRUE/FALSE format) reads as FALSE.
        XCTAssertEqual(sheet.rows[1].texts, ["Juntu2010", "", "", "", "FALSE", "", "", "-2.5"])
        XCTAssertEqual(
            sheet.rows[1][2].location, SourceLocation(file: "data/typed.xlsx", cell: "Extraction!C3"))
        // Row 4 is missing from the file entirely; row 5's date is serial 61, the day after 1900-02-29.
        XCTAssertEqual(sheet.rows[2], [])
        XCTAssertEqual(
            sheet.rows[3].texts,
            ["Vallieres2015", "123456789012", "0.3", "", "", "1900-03-01", "", "", "", "", "last"])
        XCTAssertEqual(sheet.rows[3].last?.location.description, "data/typed.xlsx:Extraction!K5")
        // Rows 6 and 7 hold formatted empty cells only.
        XCTAssertEqual(sheet.rows.count, 4)
    }

    func testEveryCellIsLocatedAtItsSheetReference() throws {
        let sheet = try XLSXFixtures.read("typed.xlsx", sheet: "Extraction")
        let columns = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"]
        XCTAssertEqual(sheet.header.cells, columns.map { "Extraction!\($0)1" })
        XCTAssertEqual(sheet.rows[0][6].location.description, "data/typed.xlsx:Extraction!G2")
    }

    func testInlineStringsRichTextAndCellsWithoutReferences() throws {
        let sheet = try XLSXFixtures.read("handmade.xlsx", sheet: "Data 2021")
        // Phonetic guides (<rPh>) are not text; element names carry an x: prefix throughout.
        XCTAssertEqual(sheet.header.texts, ["id", "value", "rich inline"])
        XCTAssertEqual(sheet.header.cells, ["'Data 2021'!A1", "'Data 2021'!B1", "'Data 2021'!C1"])
        XCTAssertEqual(sheet.rows[0].texts, ["row two", "0.93", "0.3", "0.30000000000000004", "1e-07", "0"])
        XCTAssertEqual(sheet.rows[0].cells.last, "'Data 2021'!F2")
        XCTAssertEqual(sheet.rows[1], [])
    }

    func testSharedStringsKeepSpacesAndDecodeEscapes() throws {
        let row = try XLSXFixtures.read("handmade.xlsx", sheet: "Data 2021").rows[2]
        XCTAssertEqual(row.texts, ["Vallières ", "", "  padded  ", "", "line one\r\nline two _x0041_ kept"])
        XCTAssertEqual(row.cells, ["A4", "B4", "C4", "D4", "E4"].map { "'Data 2021'!\($0)" })
    }

    func testBooleansFormulasWithoutResultsCDATAAndEntities() throws {
        let row = try XLSXFixtures.read("handmade.xlsx", sheet: "Data 2021").rows[3]
        XCTAssertEqual(row.texts, ["TRUE", "", "a<b & c", "<tag> & é"])
    }

    func testDatesIn1900SystemIncludingLotusLeapDay() throws {
        let sheet = try XLSXFixtures.read("handmade.xlsx", sheet: "Dates")
        // Serial 0 is not a date ("1900-01-00" in Excel) and stays a number; 44927.99999999 rounds
        // to the next midnight.
        XCTAssertEqual(
            sheet.rows[0].texts, ["1900-02-28", "1900-02-29", "1900-03-01", "1900-01-01", "0", "2023-01-02"])
        // Date-time, time-only (a number), custom long date with locale tag, elapsed duration (a
        // number), the last date Excel knows, one day past it, and a negative serial.
        XCTAssertEqual(
            sheet.rows[1].texts,
            ["2023-01-01T18:00:00", "0.5", "2023-01-01", "1.5", "9999-12-31", "2958466", "-1"])
    }

    func testDatesIn1904System() throws {
        XCTAssertEqual(try XLSXFixtures.read("dates1904.xlsx").header.texts, ["1904-01-01", "2024-01-01"])
    }

    func testEmptySheetIsAnError() {
        XCTAssertEqual(
            XLSXFixtures.failure("typed.xlsx", sheet: "Empty"),
            "data/typed.xlsx:Empty!A1: error: the sheet 'Empty' is empty: expected a header row")
    }
}

/// Reads the committed workbooks in `Fixtures/xlsx` (made by `make-fixtures.sh`).
enum XLSXFixtures {
    static func url(_ name: String) -> URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("xlsx/\(name)")
    }

    static func read(
        _ name: String, sheet: String? = nil, limits: XLSXLimits = .default
    )
        throws(DiagnosticsError) -> RawSheet
    {
        try XLSXReader.read(url(name), displayPath: "data/\(name)", sheet: sheet, limits: limits)
    }

    /// The single diagnostic a broken workbook must produce, printed as a user sees it.
    static func failure(
        _ name: String, sheet: String? = nil, limits: XLSXLimits = .default, file: StaticString = #filePath,
        line: UInt = #line
    ) -> String? {
        do {
            _ = try read(name, sheet: sheet, limits: limits)
            XCTFail("\(name) read without an error", file: file, line: line)
            return nil
        } catch {
            XCTAssertEqual(error.diagnostics.count, 1, file: file, line: line)
            return error.description
        }
    }
}

extension Array where Element == RawCell {
    var texts: [String] { map(\.text) }
    var cells: [String] { map { $0.location.cell ?? "" } }
}
