/// Bounds on what the XLSX reader accepts. A workbook is a ZIP of XML parts that anyone can craft, so
/// every quantity an attacker controls (inflated size, nesting, rows, cells) has a ceiling; each breach
/// is reported naming the limit, so a user with a genuinely huge sheet knows which knob it hit.
public struct XLSXLimits: Sendable, Hashable {
    /// Largest uncompressed size of any part read (bytes).
    public var maxEntryBytes: Int
    /// Largest uncompressed-to-compressed ratio of any part read: deflate bombs reach 1000:1, real
    /// spreadsheet XML stays far below 100:1.
    public var maxCompressionRatio: Int
    /// Highest row number accepted.
    public var maxRows: Int
    /// Highest column number accepted (16,384 = XFD, Excel's own maximum).
    public var maxColumns: Int
    /// Most cells kept, counting the empty cells that fill gaps in sparse rows: one cell at XFD in each
    /// of many rows would otherwise make millions of filler cells out of a few bytes.
    public var maxCells: Int
    /// Deepest element nesting in any XML part.
    public var maxXMLDepth: Int
    /// Longest text of one cell or shared string, in UTF-16 units as Excel counts them.
    public var maxCellCharacters: Int

    public init(
        maxEntryBytes: Int = 256 << 20,
        maxCompressionRatio: Int = 200,
        maxRows: Int = 1_000_000,
        maxColumns: Int = 16_384,
        maxCells: Int = 10_000_000,
        maxXMLDepth: Int = 128,
        maxCellCharacters: Int = 32_767
    ) {
        self.maxEntryBytes = maxEntryBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.maxRows = maxRows
        self.maxColumns = maxColumns
        self.maxCells = maxCells
        self.maxXMLDepth = maxXMLDepth
        self.maxCellCharacters = maxCellCharacters
    }

    public static let `default` = XLSXLimits()
}
