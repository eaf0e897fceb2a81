/// Ceilings that keep a hostile or broken file from exhausting memory or time. Each breach is an error
/// that names the limit; a review that is genuinely larger raises it under `sheet: limits:` in its config.
public struct LoadLimits: Sendable, Equatable {
    public var maxFileBytes = 512 * 1024 * 1024
    public var maxRows = 1_000_000
    public var maxColumns = 16_384
    public var maxCellCharacters = 32_767
    /// Cells kept from the sheet, counting blank ones between values (not those at the end of a row).
    /// Each costs about a hundred bytes in memory: this keeps a hostile sheet under a gigabyte, and
    /// is over ten times the cells of 100,000 studies of 35 columns.
    public var maxCells = 5_000_000
    /// XLSX: the largest size one part of the workbook may inflate to.
    public var maxUnpackedBytes = 256 * 1024 * 1024
    /// XLSX: the largest inflated-to-compressed ratio of a part (a ZIP bomb's is in the thousands).
    public var maxCompressionRatio = 200

    public static let `default` = LoadLimits()

    /// The XLSX reader's limits: these, and its own for the XML (nesting, filler cells).
    var xlsx: XLSXLimits {
        var limits = XLSXLimits.default
        limits.maxEntryBytes = maxUnpackedBytes
        limits.maxCompressionRatio = maxCompressionRatio
        limits.maxRows = maxRows
        limits.maxColumns = maxColumns
        limits.maxCellCharacters = maxCellCharacters
        limits.maxCells = maxCells
        return limits
    }

    /// These limits with the config's `sheet: limits:` in place of the defaults it names.
    func applying(_ settings: LimitSettings) -> LoadLimits {
        var limits = self
        if let megabytes = settings.maxFileMegabytes { limits.maxFileBytes = megabytes << 20 }
        if let rows = settings.maxRows { limits.maxRows = rows }
        if let columns = settings.maxColumns { limits.maxColumns = columns }
        if let characters = settings.maxCellCharacters { limits.maxCellCharacters = characters }
        if let megabytes = settings.maxUnpackedMegabytes { limits.maxUnpackedBytes = megabytes << 20 }
        if let ratio = settings.maxCompressionRatio { limits.maxCompressionRatio = ratio }
        if let cells = settings.maxCells { limits.maxCells = cells }
        return limits
    }
}

/// The limits a review's config sets (`sheet: limits:`); nil keeps the default.
public struct LimitSettings: Sendable, Equatable {
    public var maxFileMegabytes: Int?
    public var maxRows: Int?
    public var maxColumns: Int?
    public var maxCellCharacters: Int?
    public var maxUnpackedMegabytes: Int?
    public var maxCompressionRatio: Int?
    public var maxCells: Int?

    public init() {}

    /// Config key → field and the largest value accepted. The ceilings keep `megabytes << 20` and the
    /// reader's arithmetic far from overflow; they are far above any real review.
    static var keys: [(key: String, field: WritableKeyPath<LimitSettings, Int?>, ceiling: Int)] {
        [
            ("max_file_mb", \.maxFileMegabytes, 1 << 20),
            ("max_rows", \.maxRows, 1 << 30),
            ("max_columns", \.maxColumns, 1 << 20),
            ("max_cell_characters", \.maxCellCharacters, 1 << 30),
            ("max_unpacked_mb", \.maxUnpackedMegabytes, 1 << 20),
            ("max_compression_ratio", \.maxCompressionRatio, 1 << 20),
            ("max_cells", \.maxCells, 1 << 32),
        ]
    }
}
