import Foundation
import XCTest
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `_report/tables.docx`: every table of the page, in its order and with its caption, as Word tables
/// that LibreOffice opens.
final class WordTablesTests: XCTestCase {
    private func buildDefaultReview() throws -> URL {
        let folder = try temporaryFolder(self)
        try copyDefaultReview(to: folder)
        let run = try ScopeReportRun.run(["build"], in: folder)
        XCTAssertEqual(run.status, 0, run.stderr)
        return folder.appendingPathComponent("_report")
    }

    /// The package's parts, in a fixed order, each stamped 1980-01-01 00:00 UTC (no build time).
    func testThePackageHoldsWordsPartsWithFixedTimestamps() throws {
        let report = try buildDefaultReview()
        let archive = try Archive(url: report.appendingPathComponent("tables.docx"), accessMode: .read)
        XCTAssertEqual(
            archive.map(\.path),
            [
                "[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml",
                "word/styles.xml",
            ])
        for entry in archive {
            XCTAssertEqual(
                entry.fileAttributes[.modificationDate] as? Date, Date(timeIntervalSince1970: 315_532_800))
        }
    }

    /// Each table's caption is the one its Markdown file carries, in the page's numbering; the header
    /// row repeats on every page; a right-aligned column (numbers) is right-aligned in Word.
    func testEveryTableIsThereInPageOrderWithItsCaption() throws {
        let report = try buildDefaultReview()
        let document = try documentXML(report.appendingPathComponent("tables.docx"))
        let tablesFolder = report.appendingPathComponent("tables")
        let names = try FileManager.default.contentsOfDirectory(atPath: tablesFolder.path)
            .filter { $0.hasSuffix(".md") }
        XCTAssertGreaterThan(names.count, 10)
        var captions: [(number: Int, text: String)] = []
        for name in names {
            let markdown = try String(contentsOf: tablesFolder.appendingPathComponent(name), encoding: .utf8)
            // "**Table 4. Studies per year of publication**": the Markdown escapes nothing in these.
            let caption = String(markdown.split(separator: "\n")[0].dropFirst(2).dropLast(2))
            let number = try XCTUnwrap(Int(caption.dropFirst(6).prefix { $0.isNumber }), caption)
            captions.append((number, caption.replacingOccurrences(of: "\\", with: "")))
        }
        captions.sort { $0.number < $1.number }
        XCTAssertEqual(captions.map(\.number), Array(1...names.count))
        var position = document.startIndex
        for caption in captions {
            let escaped = caption.text.replacingOccurrences(of: "&", with: "&amp;")
                .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            guard let found = document.range(of: ">\(escaped)</w:t>", range: position..<document.endIndex)
            else {
                XCTFail("\(caption.text) is missing or out of order")
                continue
            }
            position = found.upperBound
        }
        let tableCount = document.components(separatedBy: "<w:tbl>").count - 1
        XCTAssertEqual(tableCount, names.count, "every table of the default review is short enough to inline")
        XCTAssertEqual(document.components(separatedBy: "<w:tblHeader/>").count - 1, tableCount)
        // Table "Studies per year": its Studies and % columns are numbers, right-aligned.
        XCTAssertTrue(
            document.contains(
                "<w:jc w:val=\"right\"/></w:pPr><w:r><w:t xml:space=\"preserve\">35.0</w:t></w:r>"),
            "a percentage cell is right-aligned")
        // The rules are the table style's: above and below, none inside or at the sides.
        let styles = try part("word/styles.xml", of: report.appendingPathComponent("tables.docx"))
        XCTAssertTrue(
            styles.contains(#"<w:insideV w:val="nil"/><w:left w:val="nil"/><w:right w:val="nil"/>"#), styles)
        XCTAssertFalse(
            document.contains("<w:insideV") || document.contains("<w:left "), "no rule set per table")
    }

    /// LibreOffice converts it to PDF without an error, and the PDF holds the first and last captions.
    func testLibreOfficeConvertsItToPDF() throws {
        guard
            let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"].first(where: {
                FileManager.default.isExecutableFile(atPath: $0)
            })
        else {
            // `make test` installs LibreOffice; CI must not pass without having looked.
            if ProcessInfo.processInfo.environment["CI"] != nil {
                XCTFail("LibreOffice (soffice) is not installed")
            }
            throw XCTSkip("LibreOffice (soffice) is not installed")
        }
        let report = try buildDefaultReview()
        let out = try temporaryFolder(self)
        let profile = try temporaryFolder(self)
        let conversion = try run(
            soffice,
            [
                "-env:UserInstallation=file://\(profile.path)", "--headless", "--convert-to", "pdf",
                "--outdir",
                out.path, report.appendingPathComponent("tables.docx").path,
            ])
        XCTAssertEqual(conversion.status, 0, conversion.output)
        let pdf = out.appendingPathComponent("tables.pdf")
        let bytes = try Data(contentsOf: pdf)
        XCTAssertTrue(bytes.starts(with: Array("%PDF".utf8)), conversion.output)
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") {
            let text = try run("/usr/bin/pdftotext", ["-layout", pdf.path, "-"]).output
            XCTAssertTrue(text.contains("Table 1. Published figures and what this data gives"), text)
            XCTAssertTrue(text.contains("Studies per year of publication"), text)
        }
    }

    private func documentXML(_ docx: URL) throws -> String { try part("word/document.xml", of: docx) }

    /// A part of the package, which must be well-formed XML.
    private func part(_ name: String, of docx: URL) throws -> String {
        let archive = try Archive(url: docx, accessMode: .read)
        let entry = try XCTUnwrap(archive[name])
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        XCTAssertTrue(XMLParser(data: data).parse(), "\(name) is not well-formed")
        return String(decoding: data, as: UTF8.self)
    }

    private func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
