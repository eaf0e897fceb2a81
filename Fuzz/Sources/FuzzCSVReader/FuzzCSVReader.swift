import ScopeLoad

/// libFuzzer's entry point. A thrown `DiagnosticsError` is the reader's answer to bad input; only a
/// crash, a trap or a sanitizer report is a finding. Every delimiter is tried because each changes how
/// the same bytes split into fields.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for delimiter in [CSVReader.Delimiter.automatic, .comma, .semicolon, .tab] {
        guard let sheet = try? CSVReader.read(bytes, displayPath: "fuzz.csv", delimiter: delimiter) else {
            continue
        }
        // Every cell the reader returns must point at a real place in the file.
        for cell in sheet.header + sheet.rows.joined() {
            precondition(
                (cell.location.line ?? 0) >= 1 && (cell.location.column ?? 0) >= 1, "cell without a place")
        }
    }
    return 0
}
