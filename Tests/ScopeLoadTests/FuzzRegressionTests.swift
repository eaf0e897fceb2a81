import Foundation
import ScopeDiagnostics
import XCTest

@testable import ScopeLoad

/// Inputs that crashed the loader under the fuzz targets in Fuzz/ (`make fuzz`), each kept so that the
/// crash cannot return. Each now ends in one diagnostic a person can act on.
final class FuzzRegressionTests: XCTestCase {
    /// FuzzXLSXReader: an attribute name in xl/styles.xml holding the byte 0xEE made Foundation's
    /// XMLParser trap while it built the name's String (libxml2 passes the bytes on before checking them).
    func testInvalidUTF8InAnXMLNameIsAnErrorNotACrash() {
        XCTAssertEqual(
            XLSXFixtures.failure("fuzz-invalid-utf8-name.xlsx"),
            "data/fuzz-invalid-utf8-name.xlsx: error: part xl/styles.xml is not valid UTF-8 (invalid byte at "
                + "byte offset 484); the file is damaged")
    }

    /// FuzzXLSXReader: a cell without an `r` reference inside sheetData but before any `<row>` (here the
    /// row element is misspelt) got row 0 and trapped with an index out of range when it was placed.
    func testCellBeforeAnyRowIsAnErrorNotACrash() {
        XCTAssertEqual(
            XLSXFixtures.failure("fuzz-cell-before-row.xlsx"),
            "data/fuzz-cell-before-row.xlsx: error: the sheet has a cell without a reference before its first "
                + "row; the file is damaged")
    }

    /// FuzzXLSXReader: `<?xml0vers?>` is a processing instruction without data; libxml2 hands Foundation's
    /// XMLParser a null pointer for the data, which it passed to strlen (a segmentation fault).
    func testEmptyProcessingInstructionIsAnErrorNotACrash() {
        XCTAssertEqual(
            XLSXFixtures.failure("fuzz-empty-processing-instruction.xlsx"),
            "data/fuzz-empty-processing-instruction.xlsx: error: part xl/worksheets/sheet1.xml holds an empty "
                + "processing instruction (<?…?>), which a workbook never has")
    }

    /// The same processing instruction in a UTF-16 part, which the byte scan for `<?name?>` cannot see:
    /// UTF-16 parts (with their NUL bytes) are refused before they reach the XML parser at all.
    func testUTF16PartIsRefusedBeforeParsing() {
        XCTAssertEqual(
            XLSXFixtures.failure("fuzz-utf16-processing-instruction.xlsx"),
            "data/fuzz-utf16-processing-instruction.xlsx: error: part xl/worksheets/sheet1.xml is not valid "
                + "UTF-8 (invalid byte at byte offset 1); the file is damaged")
    }

    /// FuzzXLSXReader, when the workbook was read from memory: a central directory that claims to lie
    /// past the end made ZIPFoundation's in-memory archive trap (a range with its bounds reversed), so
    /// workbooks are read from their file, where the same bytes are a plain error.
    func testACentralDirectoryPastTheEndIsAnErrorNotACrash() {
        XCTAssertEqual(
            XLSXFixtures.failure("fuzz-central-directory-past-the-end.xlsx"),
            "data/fuzz-central-directory-past-the-end.xlsx: error: not a readable XLSX workbook: it has no "
                + "part xl/workbook.xml (the list of sheets)")
    }
}
