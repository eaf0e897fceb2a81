import Foundation
import ScopeLoad
import ZIPFoundation

/// The reader opens workbooks by URL (ZIPFoundation reads the central directory from the file), so each
/// input is written to one file per fuzzing process and read back from there.
let workbookURL = FileManager.default.temporaryDirectory
    .appendingPathComponent("scopereport-fuzz-\(ProcessInfo.processInfo.processIdentifier).xlsx")

/// libFuzzer's entry point, in two modes. An input that starts like a ZIP (`PK`) is the workbook file
/// itself, which fuzzes the container: directory, sizes, the bomb limits. Any other input is the XML of
/// the parts, separated by NUL bytes, which this harness zips with correct checksums — a mutated
/// part inside a real ZIP would only ever fail its CRC check, so the XML parsers would stay unreached.
/// A thrown `DiagnosticsError` is the reader's answer to a bad workbook; only a crash, a trap or a
/// sanitizer report is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSXReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    let workbook = bytes.starts(with: [0x50, 0x4B]) ? bytes : zipped(parts(from: bytes))
    do {
        try workbook.write(to: workbookURL)
    } catch {
        fatalError("cannot write the fuzz input to \(workbookURL.path): \(error)")
    }
    if let sheet = try? XLSXReader.read(workbookURL, displayPath: "fuzz.xlsx", sheet: nil) {
        // Every cell the reader returns must be located, as `Sheet!A1` or a line.
        for cell in sheet.header + sheet.rows.joined() {
            precondition(cell.location.cell != nil || cell.location.line != nil, "cell without a place")
        }
    }
    return 0
}

/// NUL-separated input → parts, in the order: worksheet, shared strings, styles, workbook,
/// relationships. A workbook and relationships the input leaves out are the standard ones; shared strings
/// and styles it leaves out are absent, as in a workbook without text or formatting.
func parts(from input: Data) -> [String: Data] {
    let pieces = input.split(separator: 0, maxSplits: 4, omittingEmptySubsequences: false).map { Data($0) }
    let names = [
        "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
    ]
    var result = [
        "xl/workbook.xml": Data(standardWorkbook.utf8),
        "xl/_rels/workbook.xml.rels": Data(standardRelationships.utf8),
    ]
    for (name, piece) in zip(names, pieces) { result[name] = piece }
    return result
}

/// A stored (uncompressed) ZIP of `parts`, in a fixed order so that one input always makes one file.
func zipped(_ parts: [String: Data]) -> Data {
    do {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, content) in parts.sorted(by: { $0.key < $1.key }) {
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(content.count), compressionMethod: .none
            ) { position, length in
                content.subdata(in: Int(position)..<Int(position) + length)
            }
        }
        return archive.data ?? Data()
    } catch {
        fatalError("cannot zip the fuzz input: \(error)")
    }
}

let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

let standardWorkbook = """
    <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="\(mainNamespace)" xmlns:r="\(relationshipNamespace)">\
    <sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>
    """

let standardRelationships = """
    <?xml version="1.0" encoding="UTF-8"?>\
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="\(relationshipNamespace)/worksheet" Target="worksheets/sheet1.xml"/>\
    <Relationship Id="rId2" Type="\(relationshipNamespace)/sharedStrings" Target="sharedStrings.xml"/>\
    <Relationship Id="rId3" Type="\(relationshipNamespace)/styles" Target="styles.xml"/></Relationships>
    """
