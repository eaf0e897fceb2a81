import ScopeDiagnostics

/// A spreadsheet as its reader found it: a header row and data rows of text cells, each cell knowing
/// where it came from so that validation can point at it. Readers (CSV, XLSX) produce this; the
/// codebook turns it into typed values.
public struct RawSheet: Sendable {
    /// The file as the user named it (relative to where they ran the tool), used in diagnostics.
    public var displayPath: String
    /// Header cells, in sheet order.
    public var header: [RawCell]
    /// Data rows, in sheet order. A row may be shorter than the header (trailing cells missing).
    public var rows: [[RawCell]]

    public init(displayPath: String, header: [RawCell], rows: [[RawCell]]) {
        self.displayPath = displayPath
        self.header = header
        self.rows = rows
    }
}

/// One cell's text and its place. Numbers from XLSX arrive as their shortest round-trip decimal text,
/// booleans as `TRUE`/`FALSE`, and empty cells as "".
public struct RawCell: Sendable, Hashable {
    public var text: String
    public var location: SourceLocation

    public init(text: String, location: SourceLocation) {
        self.text = text
        self.location = location
    }
}

extension RawSheet {
    /// The row number a spreadsheet program shows for `row`: the line it starts on (CSV) or the digits of
    /// its cells' references (XLSX); nil for a row without cells.
    static func rowNumber(of row: [RawCell]) -> Int? {
        guard let first = row.first else { return nil }
        guard let reference = first.location.cell else { return first.location.line }
        return Int(String(reference.reversed().prefix { $0.isNumber }.reversed()))
    }

    /// The sheet as `header_row` and `first_data_row` frame it: row `headerRow` names the columns, the
    /// rows from `firstDataRow` on are studies, and the others (a title above, a row describing each
    /// column below) are not read. Nil when the sheet has no row `headerRow`.
    func framed(headerRow: Int, firstDataRow: Int) -> RawSheet? {
        let all = [header] + rows
        guard let header = all.first(where: { Self.rowNumber(of: $0) == headerRow }) else { return nil }
        return RawSheet(
            displayPath: displayPath, header: header,
            rows: all.filter { (Self.rowNumber(of: $0) ?? 0) >= firstDataRow })
    }
}
