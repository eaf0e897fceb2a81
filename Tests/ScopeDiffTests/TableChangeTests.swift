import XCTest

@testable import ScopeDiff

final class TableChangeTests: XCTestCase {
    func testRowsAreMatchedByLabelSoAReorderedTableIsNotEveryCellChanged() throws {
        let old = CSVTable.rows("Modality,Studies\nMRI,2\nCT,3\n")
        let new = CSVTable.rows("Modality,Studies\nCT,3\nMRI,4\n")
        let change = try XCTUnwrap(TableChange(table: "t", old: old, new: new))
        XCTAssertEqual(change.cells, [TableCellChange(row: "MRI", column: "Studies", old: "2", new: "4")])
        XCTAssertTrue(change.rowsReordered)
    }

    func testRepeatedHeadersAreMatchedByOccurrenceAndNamedByColumn() throws {
        let old = CSVTable.rows("Metric,r,p,ρ,p\nAUC,0.10,0.719,-0.18,0.511\n")
        let new = CSVTable.rows("Metric,r,p,ρ,p\nAUC,0.10,0.719,-0.18,0.393\n")
        let change = try XCTUnwrap(TableChange(table: "t", old: old, new: new))
        XCTAssertEqual(
            change.cells, [TableCellChange(row: "AUC", column: "p (column 5)", old: "0.511", new: "0.393")])
        XCTAssertFalse(change.rowsReordered)
    }

    func testRowsAndColumnsAddedAndRemoved() throws {
        let old = CSVTable.rows("Country,Studies\nChina,2\nItaly,1\n")
        let new = CSVTable.rows("Country,Studies,%\nChina,2,66.7\nUSA,1,33.3\n")
        let change = try XCTUnwrap(TableChange(table: "t", old: old, new: new))
        XCTAssertEqual(change.rowsAdded, ["USA"])
        XCTAssertEqual(change.rowsRemoved, ["Italy"])
        XCTAssertEqual(change.columnsAdded, ["%"])
        XCTAssertEqual(change.columnsRemoved, [])
        XCTAssertEqual(change.cells, [], "a cell in a new column is not a changed cell")
        XCTAssertEqual(TableSummary.text(change), "rows added: USA; rows removed: Italy; columns added: %")
    }

    func testSameCellsAreNoChange() {
        let rows = CSVTable.rows("A,B\n1,2\n")
        XCTAssertNil(TableChange(table: "t", old: rows, new: rows))
    }

    func testCSVQuotesDoubledQuotesAndLineEndings() {
        XCTAssertEqual(
            CSVTable.rows("Name,Value\r\n\"Smith, J\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",\n"),
            [["Name", "Value"], ["Smith, J", "say \"hi\""], ["two\nlines"]], "a blank last field is not kept")
        XCTAssertEqual(CSVTable.rows("a,b"), [["a", "b"]], "a last line without a newline")
        XCTAssertEqual(CSVTable.rows(""), [])
    }
}
