import Foundation

/// Picks the reader for an Excel workbook; kept apart so the CSV path does not depend on the XLSX one.
enum SpreadsheetFile {
    static func readXLSX(
        _ url: URL, displayPath: String, sheet: String?, limits: XLSXLimits
    ) throws -> RawSheet {
        try XLSXReader.read(url, displayPath: displayPath, sheet: sheet, limits: limits)
    }
}
