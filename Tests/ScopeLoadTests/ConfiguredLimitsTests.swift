import Foundation
import ScopeDiagnostics
import XCTest

@testable import ScopeLoad

/// `sheet: limits:` and `encoding:` in a review's config: limits raised or lowered per review, and CSV
/// files in a legacy encoding decoded with a warning.
final class ConfiguredLimitsTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "scopereport-limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Writes a review whose `sheet:` section ends in `sheetSettings` (indented lines), with the sheet
    /// `studies` (bytes) beside it, loads it, and returns every diagnostic line.
    private func load(
        sheetSettings: String, studies: [UInt8], file: String = "studies.csv"
    ) throws -> [String] {
        let config = """
            metadata: {title: Limits}
            sheet:
              file: \(file)
            \(sheetSettings)
            columns:
              id: {type: text, required: true}
              title: {type: text}

            """
        try Data(config.utf8).write(to: folder.appendingPathComponent("review.yaml"))
        try Data(studies).write(to: folder.appendingPathComponent(file))
        return LoadFixtures.lines(of: ReviewLoader(dataDirectory: folder, displayDirectory: "data").load())
    }

    private let threeStudies = Array("id,title\nA,first\nB,second\nC,third\n".utf8)

    func testTheConfigLowersTheRowLimit() throws {
        XCTAssertEqual(
            try load(sheetSettings: "  limits: {max_rows: 2}", studies: threeStudies),
            [
                "data/studies.csv: error: the sheet has 3 rows and 2 columns; the limits are 2 rows and 16384 "
                    + "columns (limits: max_rows, max_columns)"
            ])
    }

    func testTheConfigRaisesTheCellLimit() throws {
        let long = String(repeating: "x", count: 40_000)
        let studies = Array("id,title\nA,\(long)\n".utf8)
        XCTAssertEqual(
            try load(sheetSettings: "", studies: studies),
            [
                "data/studies.csv:2:2: error: title: the cell holds 40000 characters, above the limit of 32767 "
                    + "(limits: max_cell_characters)"
            ])
        XCTAssertEqual(
            try load(sheetSettings: "  limits: {max_cell_characters: 50000}", studies: studies), [])
    }

    func testTheFileSizeIsCheckedBeforeReading() throws {
        XCTAssertEqual(
            try load(
                sheetSettings: "  limits: {max_file_mb: 1}",
                studies: threeStudies + Array(repeating: 0x20, count: 1 << 20)),
            [
                "data/studies.csv: error: the file is 1048610 bytes, above the limit of 1048576 (raise "
                    + "'max_file_mb' under 'sheet: limits:' in review.yaml if it is right)"
            ])
    }

    func testTheConfigLowersTheXLSXCompressionRatio() throws {
        let workbook = try Data(
            contentsOf: LoadFixtures.root.appendingPathComponent("xlsx").appendingPathComponent(
                "studies.xlsx"))
        let lines = try load(
            sheetSettings: "  limits: {max_compression_ratio: 2}", studies: Array(workbook),
            file: "studies.xlsx")
        XCTAssertEqual(lines.count, 1, "\(lines)")
        XCTAssertTrue(lines[0].hasPrefix("data/studies.xlsx: error: part "), lines[0])
        XCTAssertTrue(
            lines[0].hasSuffix(
                "over the limit of 2:1 (limits: max_compression_ratio); this looks like a ZIP bomb"), lines[0]
        )
    }

    func testTheConfigLowersTheXLSXUnpackedSize() throws {
        let workbook = try Data(
            contentsOf: LoadFixtures.root.appendingPathComponent("xlsx").appendingPathComponent("bomb.xlsx"))
        let lines = try load(
            sheetSettings: "  limits: {max_unpacked_mb: 1, max_compression_ratio: 100000}",
            studies: Array(workbook),
            file: "studies.xlsx")
        XCTAssertEqual(lines.count, 1, "\(lines)")
        XCTAssertTrue(
            lines[0].hasSuffix("over the limit of 1048576 bytes (limits: max_unpacked_mb)"), lines[0])
    }

    func testLimitsOutOfRangeOrUnknownAreErrorsAtTheirKey() throws {
        let lines = try load(
            sheetSettings: "  limits:\n    max_rows: 0\n    max_file_mb: lots\n    max_colums: 3",
            studies: threeStudies)
        XCTAssertEqual(
            lines,
            [
                "data/review.yaml:5:15: error: 'max_rows' should lie between 1 and 1073741824, not 0",
                "data/review.yaml:6:18: error: 'max_file_mb' should be a whole number",
                "data/review.yaml:7:5: error: unknown key 'max_colums' in 'limits'; did you mean 'max_columns'?",
            ])
    }

    func testWindows1252IsDecodedWithAWarningAtTheFirstLegacyByte() throws {
        // "Müller – “quoted” €" in Windows-1252: ü 0xFC, en dash 0x96, curly quotes 0x93/0x94, euro 0x80.
        let studies =
            Array("id,title\nA,plain\nB,M".utf8) + [0xFC] + Array("ller ".utf8) + [0x96, 0x20, 0x93]
            + Array("quoted".utf8) + [0x94, 0x20, 0x80] + Array("\n".utf8)
        try XCTAssertEqual(
            load(sheetSettings: "  encoding: windows-1252", studies: studies),
            [
                "data/studies.csv:3:4: warning: decoded from windows-1252, as 'encoding' in data/review.yaml "
                    + "says; save the file as \"CSV UTF-8\" and delete that line to be rid of this warning"
            ])
        let review = try XCTUnwrap(
            try? ReviewLoader(dataDirectory: folder, displayDirectory: "data").load().get())
        XCTAssertEqual(review.values["title"], .texts(["plain", "Müller – “quoted” €"]))
    }

    func testLatin1AndAnASCIIFileNeedNoWarning() throws {
        XCTAssertEqual(try load(sheetSettings: "  encoding: latin-1", studies: threeStudies), [])
        XCTAssertEqual(
            TextEncoding.latin1.utf8Bytes([0x43, 0x61, 0x66, 0xE9, 0x80]), Array("Café\u{80}".utf8))
    }

    func testAUTF8FileReadAsLegacyIsPointedOut() throws {
        let lines = try load(
            sheetSettings: "  encoding: windows-1252", studies: Array("id,title\nA,Café\n".utf8))
        XCTAssertEqual(lines.count, 1)
        XCTAssertTrue(
            lines[0].hasSuffix(
                "(the file is valid UTF-8: if accents show as \"Ã©\" in the report, delete 'encoding')"),
            lines[0])
    }

    func testUnknownEncodingAndEncodingOfAWorkbookAreErrors() throws {
        XCTAssertEqual(
            try load(sheetSettings: "  encoding: ebcdic", studies: threeStudies),
            [
                "data/review.yaml:4:13: error: 'encoding' should be one of utf-8, windows-1252, latin-1 (a file "
                    + "saved as \"CSV UTF-8\" needs no 'encoding')"
            ])
        let workbook = try Data(
            contentsOf: LoadFixtures.root.appendingPathComponent("xlsx").appendingPathComponent(
                "studies.xlsx"))
        let lines = try load(
            sheetSettings: "  encoding: latin-1", studies: Array(workbook), file: "studies.xlsx")
        XCTAssertTrue(
            lines.contains(
                "data/review.yaml:4:13: error: 'encoding' applies to CSV sheets only, and studies.xlsx is an "
                    + "XLSX workbook; delete this line"), "\(lines)")
    }
}
