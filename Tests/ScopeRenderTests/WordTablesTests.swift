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

    /// Column widths fill the text width with a fixed layout, a long column getting more than a short
    /// one; a table whose words cannot fit upright gets a landscape section of its own.
    func testWidthsFillThePageAndAWideTableTurnsTheSheet() throws {
        let narrow = try document([table(1, rows: 2)], maxRows: 10)
        XCTAssertTrue(
            narrow.contains("<w:tblW w:w=\"9638\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>"), narrow)
        let grid = try XCTUnwrap(narrow.range(of: #"<w:tblGrid>.*</w:tblGrid>"#, options: .regularExpression))
        let widths = narrow[grid].split(separator: "\"").compactMap { Int($0) }
        XCTAssertEqual(widths.reduce(0, +), 9638, "\(widths)")
        XCTAssertGreaterThan(widths[0], widths[1], "the text column is wider than the count column")
        XCTAssertFalse(narrow.contains("landscape"))

        let wide = ReportTable(
            name: "wide", number: 2, title: "Wide",
            columns: (0..<12).map { .init("Heading\($0)") },
            rows: [(0..<12).map { .text("Seventeen-letters\($0)") }], notes: [])
        let xml = try document([table(1, rows: 1), wide], maxRows: 10)
        // The first section (portrait) ends before the wide table; the last section is landscape.
        let portraitEnd = try XCTUnwrap(
            xml.range(of: "<w:p><w:pPr><w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"))
        let wideTable = try XCTUnwrap(xml.range(of: "Table 2. Wide"))
        XCTAssertLessThan(portraitEnd.lowerBound, wideTable.lowerBound)
        XCTAssertTrue(xml.contains("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"), xml)
    }
}
