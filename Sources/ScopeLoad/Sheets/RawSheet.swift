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
