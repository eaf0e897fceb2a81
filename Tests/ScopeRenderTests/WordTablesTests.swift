import Foundation
import XCTest
import ZIPFoundation

@testable import ScopeRender

#if canImport(FoundationXML)
    import FoundationXML
#endif

final class WordTablesTests: XCTestCase {
    private func table(_ number: Int, rows: Int) -> ReportTable {
        ReportTable(
            name: "t\(number)", number: number, title: "Odd & <b> \(number)",
            columns: [.init("Study"), .init("n", .right)],
            rows: (0..<rows).map { [.text("line one\nline two \($0)"), .text("\($0)")] }, notes: ["A note."])
    }

    private func document(_ tables: [ReportTable], maxRows: Int) throws -> String {
        let bytes = try WordTables.docx(tables, maxTableRowsOnPage: maxRows)
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        var data = Data()
        _ = try archive.extract(try XCTUnwrap(archive["word/document.xml"])) { data.append($0) }
        XCTAssertTrue(XMLParser(data: data).parse(), "well-formed")
        return String(decoding: data, as: UTF8.self)
    }

    /// Tables come in the order of their numbers, whatever the order given; text is escaped and line
    /// breaks are Word's; the same tables give the same bytes.
    func testTablesInNumberOrderEscapedWithLineBreaks() throws {
        let xml = try document([table(2, rows: 1), table(1, rows: 1)], maxRows: 10)
        let first = try XCTUnwrap(xml.range(of: "Table 1. Odd &amp; &lt;b&gt; 1"))
        let second = try XCTUnwrap(xml.range(of: "Table 2. Odd &amp; &lt;b&gt; 2"))
        XCTAssertLessThan(first.lowerBound, second.lowerBound)
        XCTAssertTrue(
            xml.contains("line one</w:t></w:r><w:r><w:br/></w:r><w:r><w:t xml:space=\"preserve\">line two 0"))
        XCTAssertTrue(xml.contains(">A note.</w:t>"))
        XCTAssertEqual(
            try WordTables.docx([table(1, rows: 3)], maxTableRowsOnPage: 10),
            try WordTables.docx([table(1, rows: 3)], maxTableRowsOnPage: 10))
    }

    /// A table too long for the page is not inlined here either: its caption, where it is, its notes.
    func testATableTooLongForThePageStandsAsAPointer() throws {
        let xml = try document([table(1, rows: 3)], maxRows: 2)
        XCTAssertFalse(xml.contains("<w:tbl>"))
        XCTAssertTrue(xml.contains("Table 1. Odd"))
        XCTAssertTrue(xml.contains("the whole table is in tables/t1.csv"))
        XCTAssertTrue(xml.contains(">A note.</w:t>"))
    }
}
