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

/// A blank row inside the sheet is no study for anything: PRISMA's included count is compared with
/// the studies, not with the sheet's rows.
final class BlankRowPrismaTests: XCTestCase {
    func testABlankRowIsNotCountedAsAnIncludedStudy() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "blank-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        try """
        metadata: {title: T}
        sheet: {file: s.csv, id: id}
        columns:
          id: {type: text, required: true}
        prisma:
          identification: {databases: 10}
          included: {studies: 2}
        """.write(to: folder.appendingPathComponent("review.yaml"), atomically: true, encoding: .utf8)
        try "id\nA\n\n,\nB\n".write(
            to: folder.appendingPathComponent("s.csv"), atomically: true, encoding: .utf8)
        let review = try ReviewLoader(dataDirectory: folder, displayDirectory: "d").load().get()
        XCTAssertEqual(review.studyIDs, ["A", "B"])
        XCTAssertFalse(
            review.warnings.contains { $0.message.contains("should equal the number of rows") },
            "\(review.warnings)")
    }
}
