import Foundation
import ScopeCharts
import ScopeLoad
import ZIPFoundation

/// `tables.docx`: the report's tables as native Word tables, for the manuscript. Each is captioned
/// as on the page ("Table 1. …"), in the page's order, with its notes below; a table too long for the
/// page stands as its caption and a pointer to its CSV file, as it does there. The rules are those
/// of journal tables (booktabs): a heavy rule above and below, a light one under the header, no
/// vertical lines; the header row repeats on every page; right-aligned columns (numbers) stay right.
///
/// The package holds the five parts Word needs, written with fixed timestamps in a fixed order, so
/// that the same tables give the same bytes.
public enum WordTables {
    public static func docx(_ tables: [ReportTable], maxTableRowsOnPage: Int) throws -> [UInt8] {
        // A table too wide for a portrait page gets landscape pages, as a journal prints it: runs of
        // tables of one orientation are sections, each ended by a paragraph carrying its page (the
        // last one's page is the body's own).
        var sections: [(page: Page, xml: String)] = []
        for table in tables.sorted(by: { $0.number < $1.number }) {
            var page = Page.portrait
            let xml: String
            if table.rows.count > maxTableRowsOnPage {
                xml = pointer(table)
            } else {
                let minimum = minimumWidths(table)
                if let widths = columnWidths(table, minimum, within: Page.portrait.textWidth) {
                    xml = self.table(table, widths: widths)
                } else {
                    page = .landscape
                    xml = self.table(
                        table,
                        widths: columnWidths(table, minimum, within: page.textWidth) ?? squeezed(minimum))
                }
            }
            if sections.last?.page == page {
                sections[sections.count - 1].xml += xml
            } else {
                sections.append((page, xml))
            }
        }
        var body = ""
        for (index, section) in sections.enumerated() {
            body += section.xml
            if index < sections.count - 1 { body += "<w:p><w:pPr>\(section.page.properties)</w:pPr></w:p>\n" }
        }
        let last = sections.last?.page ?? .portrait
        let parts: [(path: String, xml: String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", packageRelationships),
            ("word/_rels/document.xml.rels", documentRelationships),
            ("word/document.xml", document(body, last)),
            ("word/styles.xml", styles),
        ]
        let archive = try Archive(data: Data(), accessMode: .create)
        // 1980-01-01 00:00 UTC, the first time a zip entry can carry: no build time leaks in.
        let timestamp = Date(timeIntervalSince1970: 315_532_800)
        for part in parts {
            let bytes = Data(part.xml.utf8)
            try archive.addEntry(
                with: part.path, type: .file, uncompressedSize: Int64(bytes.count),
                modificationDate: timestamp,
                permissions: 0o644, compressionMethod: .deflate
            ) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return [UInt8](archive.data ?? Data())
    }

    private static func table(_ table: ReportTable, widths: [Int]) -> String {
        var xml = caption(table.caption)
        // Fixed layout: Word and LibreOffice keep these widths instead of guessing their own.
        xml += "<w:tbl>\n<w:tblPr><w:tblStyle w:val=\"JournalTable\"/>"
        xml += "<w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>"
        xml += "<w:tblLook w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" "
        xml += "w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr>\n<w:tblGrid>"
        xml += widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>\n"
        xml += "<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"
        for column in table.columns {
            xml += cell(column.header, alignment: column.alignment, header: true)
        }
        xml += "</w:tr>\n"
        for row in table.rows {
            xml += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            for (index, column) in table.columns.enumerated() {
                xml += cell(
                    index < row.count ? row[index].text : "", alignment: column.alignment, header: false)
            }
            xml += "</w:tr>\n"
        }
        xml += "</w:tbl>\n"
        return xml + notes(table.notes)
    }

    /// Widths in twentieths of a point (twips) that fill `textWidth`, or nil when the columns do not
    /// fit in it. Each column needs at least its longest word (the header's in bold); what is left is
    /// shared by the length of each column's longest line (40 characters at most): a column of
    /// reasons gets the room, one of counts little.
    private static func columnWidths(_ table: ReportTable, _ minimum: [Int], within textWidth: Int) -> [Int]?
    {
        let spare = textWidth - minimum.reduce(0, +)
        guard spare >= 0 else { return nil }
        let lines = table.columns.indices.map { index in
            let longest =
                texts(table, column: index).flatMap { $0.split(separator: "\n").map(\.count) }.max() ?? 0
            return max(min(longest, 40), 1)
        }
        let total = lines.reduce(0, +)
        return filling(minimum.indices.map { minimum[$0] + spare * lines[$0] / total }, textWidth)
    }

    /// Each column's longest word (25 characters at most: a DOI may break), in twips.
    private static func minimumWidths(_ table: ReportTable) -> [Int] {
        table.columns.indices.map { index in
            let words = texts(table, column: index).flatMap { $0.split(whereSeparator: \.isWhitespace) }
            let header =
                table.columns[index].header.split(whereSeparator: \.isWhitespace).map(\.count).max() ?? 0
            // A bold header word is wider than the average text (a tenth, and capitals more): one more.
            let longest = max(words.map(\.count).max() ?? 0, header + (header + 9) / 10 + 1)
            return min(longest, 25) * characterWidth + cellMargins
        }
    }

    /// The minimum widths scaled down to a landscape page, for a table too wide even for it: some long
    /// words then break, which beats running off the page.
    private static func squeezed(_ minimum: [Int]) -> [Int] {
        let total = minimum.reduce(0, +)
        return filling(minimum.map { $0 * Page.landscape.textWidth / total }, Page.landscape.textWidth)
    }

    /// `widths` with what rounding down left over given to the last column, so that they add up.
    private static func filling(_ widths: [Int], _ textWidth: Int) -> [Int] {
        guard !widths.isEmpty else { return widths }
        var widths = widths
        widths[widths.count - 1] += textWidth - widths.reduce(0, +)
        return widths
    }

    private static func texts(_ table: ReportTable, column: Int) -> [String] {
        [table.columns[column].header] + table.rows.map { column < $0.count ? $0[column].text : "" }
    }

    /// The average advance of a character of the 9-point table text, and a cell's left and right
    /// margins (108 twips each, the table style's), in twips.
    private static let characterWidth = 85
    private static let cellMargins = 216

    private static func pointer(_ table: ReportTable) -> String {
        let rows = NumberFormat(Presentation()).grouped(table.rows.count)
        return caption(table.caption)
            + paragraph(
                "Its \(rows) rows are too many for this document: the whole table is in tables/\(table.name).csv "
                    + "(also as .md and .tex) in the report folder.", style: "TableNote")
            + notes(table.notes)
    }

    private static func caption(_ text: String) -> String { paragraph(text, style: "TableCaption") }

    private static func notes(_ notes: [String]) -> String {
        notes.map { paragraph($0, style: "TableNote") }.joined() + "<w:p/>\n"
    }

    private static func paragraph(_ text: String, style: String) -> String {
        "<w:p><w:pPr><w:pStyle w:val=\"\(style)\"/></w:pPr>\(runs(text, bold: false))</w:p>\n"
    }

    private static func cell(_ text: String, alignment: ReportTable.Alignment, header: Bool) -> String {
        // The rule under the header is the cells' own bottom border: a table style's header rule does
        // not survive every word processor's import.
        let border =
            header
            ? "<w:tcBorders><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"000000\"/></w:tcBorders>"
            : ""
        let justification = alignment == .right ? "<w:jc w:val=\"right\"/>" : ""
        return
            "<w:tc><w:tcPr>\(border)</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/>\(justification)</w:pPr>"
            + runs(text, bold: header) + "</w:p></w:tc>"
    }

    /// The text as runs, its line breaks as Word's.
    private static func runs(_ text: String, bold: Bool) -> String {
        let properties = bold ? "<w:rPr><w:b/></w:rPr>" : ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).map {
            "<w:r>\(properties)<w:t xml:space=\"preserve\">\(SVGEscaping.text(String($0)))</w:t></w:r>"
        }.joined(separator: "<w:r><w:br/></w:r>")
    }

    /// A4 with 2 cm margins, upright or on its side, in twips.
    private struct Page: Equatable {
        var width: Int
        var height: Int

        static let portrait = Page(width: 11_906, height: 16_838)
        static let landscape = Page(width: 16_838, height: 11_906)
        static let margin = 1_134

        var textWidth: Int { width - 2 * Self.margin }

        var properties: String {
            let orientation = width > height ? " w:orient=\"landscape\"" : ""
            return
                "<w:sectPr><w:pgSz w:w=\"\(width)\" w:h=\"\(height)\"\(orientation)/><w:pgMar w:top=\"1134\" "
                + "w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"709\" w:footer=\"709\" "
                + "w:gutter=\"0\"/></w:sectPr>"
        }
    }

    private static func document(_ body: String, _ lastPage: Page) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
        <w:body>
        \(body)\(lastPage.properties)
        </w:body>
        </w:document>

        """
    }

    private static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
        <w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="en-GB"/>\
        </w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>\
        </w:pPr></w:pPrDefault></w:docDefaults>
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
        <w:style w:type="paragraph" w:styleId="TableCaption"><w:name w:val="Table Caption"/>\
        <w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/></w:pPr>\
        <w:rPr><w:b/></w:rPr></w:style>
        <w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/>\
        <w:pPr><w:spacing w:before="20" w:after="20"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>
        <w:style w:type="paragraph" w:styleId="TableNote"><w:name w:val="Table Note"/><w:basedOn w:val="Normal"/>\
        <w:pPr><w:spacing w:before="60"/></w:pPr><w:rPr><w:i/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>
        <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>\
        <w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>\
        <w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>\
        </w:tblCellMar></w:tblPr></w:style>
        <w:style w:type="table" w:styleId="JournalTable"><w:name w:val="Journal Table"/>\
        <w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>\
        <w:top w:val="single" w:sz="12" w:space="0" w:color="000000"/>\
        <w:bottom w:val="single" w:sz="12" w:space="0" w:color="000000"/>\
        <w:insideH w:val="nil"/><w:insideV w:val="nil"/><w:left w:val="nil"/><w:right w:val="nil"/>\
        </w:tblBorders></w:tblPr></w:style>
        </w:styles>

        """

    private static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
        <Default Extension="xml" ContentType="application/xml"/>
        <Override PartName="/word/document.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
        <Override PartName="/word/styles.xml" \
        ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
        </Types>

        """

    private static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="rId1" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
        Target="word/document.xml"/>
        </Relationships>

        """

    private static let documentRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" \
        Target="styles.xml"/>
        </Relationships>

        """
}
