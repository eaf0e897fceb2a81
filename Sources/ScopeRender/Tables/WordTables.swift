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
/// The package holds the four parts Word needs, written with fixed timestamps in a fixed order, so
/// that the same tables give the same bytes.
public enum WordTables {
    public static func docx(_ tables: [ReportTable], maxTableRowsOnPage: Int) throws -> [UInt8] {
        let body = tables.sorted { $0.number < $1.number }.map {
            $0.rows.count > maxTableRowsOnPage ? pointer($0) : table($0)
        }
        let parts: [(path: String, xml: String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", packageRelationships),
            ("word/_rels/document.xml.rels", documentRelationships),
            ("word/document.xml", document(body.joined())),
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

    private static func table(_ table: ReportTable) -> String {
        // Widths in twentieths of a point, shared evenly across the text width (Word refits them).
        let width = textWidth / max(table.columns.count, 1)
        var xml = caption(table.caption)
        xml += "<w:tbl>\n<w:tblPr><w:tblStyle w:val=\"JournalTable\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
        xml += "<w:tblLook w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" "
        xml += "w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr>\n<w:tblGrid>"
        xml +=
            String(repeating: "<w:gridCol w:w=\"\(width)\"/>", count: table.columns.count) + "</w:tblGrid>\n"
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

    /// A4 with 2 cm margins, in twentieths of a point.
    private static let textWidth = 11_906 - 2 * 1_134

    private static func document(_ body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
        <w:body>
        \(body)<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" \
        w:bottom="1134" w:left="1134" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>
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
