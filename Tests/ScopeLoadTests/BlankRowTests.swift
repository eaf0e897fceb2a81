import ScopeDiagnostics
import XCTest

@testable import ScopeLoad

/// A workbook may hand the validator rows that hold nothing (a gap in the sheet): they are not studies.
final class BlankRowTests: XCTestCase {
    func testEmptyRowsFromAWorkbookAreSkippedWithoutPlacelessErrors() throws {
        var decoder = ConfigDecoder(file: "review.yaml")
        let config = try XCTUnwrap(
            decoder.decode(
                "metadata: {title: T}\nsheet: {file: s.xlsx}\ncolumns:\n  id: {type: text, required: true}\n")
        ).config
        func cell(_ text: String, _ reference: String) -> RawCell {
            RawCell(
                text: text, location: SourceLocation(file: "data/s.xlsx", cell: "Extraction!\(reference)"))
        }
        let sheet = RawSheet(
            displayPath: "data/s.xlsx", header: [cell("id", "A1")],
            rows: [[cell("A", "A2")], [], [cell(" ", "A4")], [cell("B", "A5")]])
        var validator = SheetValidator(
            columns: config.columns, source: config.sheet, configPath: "review.yaml", limits: .default)
        let table = validator.finish(validator.parse(sheet), derived: config.derived, subsets: config.subsets)
        XCTAssertEqual(table.ids, ["A", "B"])
        XCTAssertEqual(validator.diagnostics, [])
    }
}
