/// How one table (`tables/<name>.csv`) changed. Rows are matched by their first cell and columns
/// by their header, so a row that moved is not a change of every cell below it; a label that occurs
/// twice (the "p" columns of a correlation table) is matched by its occurrence.
public struct TableChange: Sendable, Equatable, Encodable {
    public var table: String
    public var cells: [TableCellChange]
    public var rowsAdded: [String]
    public var rowsRemoved: [String]
    public var columnsAdded: [String]
    public var columnsRemoved: [String]
    /// The same rows, in another order (a frequency table re-sorted by count).
    public var rowsReordered: Bool

    enum CodingKeys: String, CodingKey {
        case table, cells
        case changedCells = "changed_cells"
        case rowsAdded = "rows_added"
        case rowsRemoved = "rows_removed"
        case columnsAdded = "columns_added"
        case columnsRemoved = "columns_removed"
        case rowsReordered = "rows_reordered"
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(table, forKey: .table)
        try container.encode(cells, forKey: .cells)
        try container.encode(cells.count, forKey: .changedCells)
        try container.encode(rowsAdded, forKey: .rowsAdded)
        try container.encode(rowsRemoved, forKey: .rowsRemoved)
        try container.encode(columnsAdded, forKey: .columnsAdded)
        try container.encode(columnsRemoved, forKey: .columnsRemoved)
        try container.encode(rowsReordered, forKey: .rowsReordered)
    }

    var isEmpty: Bool {
        cells.isEmpty && rowsAdded.isEmpty && rowsRemoved.isEmpty && columnsAdded.isEmpty
            && columnsRemoved.isEmpty
            && !rowsReordered
    }

    /// Nil when the two tables hold the same cells in the same places.
    init?(table: String, old: [[String]], new: [[String]]) {
        self.table = table
        let oldColumns = Axis(old.first ?? [], what: "column")
        let newColumns = Axis(new.first ?? [], what: "column")
        let oldRows = Axis(old.dropFirst().map { $0.first ?? "" }, what: "row")
        let newRows = Axis(new.dropFirst().map { $0.first ?? "" }, what: "row")
        columnsAdded = newColumns.names(of: newColumns.keys.filter { oldColumns.index[$0] == nil })
        columnsRemoved = oldColumns.names(of: oldColumns.keys.filter { newColumns.index[$0] == nil })
        rowsAdded = newRows.names(of: newRows.keys.filter { oldRows.index[$0] == nil })
        rowsRemoved = oldRows.names(of: oldRows.keys.filter { newRows.index[$0] == nil })
        let commonRows = newRows.keys.filter { oldRows.index[$0] != nil }
        rowsReordered = oldRows.keys.filter { newRows.index[$0] != nil } != commonRows
        cells = []
        let oldBody = Array(old.dropFirst())
        let newBody = Array(new.dropFirst())
        for row in commonRows {
            let before = oldBody[oldRows.index[row]!]
            let after = newBody[newRows.index[row]!]
            for column in newColumns.keys where oldColumns.index[column] != nil {
                let oldValue = Self.cell(before, oldColumns.index[column]!)
                let newValue = Self.cell(after, newColumns.index[column]!)
                if oldValue != newValue {
                    cells.append(
                        TableCellChange(
                            row: newRows.name(of: row), column: newColumns.name(of: column), old: oldValue,
                            new: newValue))
                }
            }
        }
        if isEmpty { return nil }
    }

    private static func cell(_ row: [String], _ index: Int) -> String {
        index < row.count ? row[index] : ""
    }
}

public struct TableCellChange: Sendable, Equatable, Encodable {
    public var row: String
    public var column: String
    public var old: String
    public var new: String
}

/// The labels along one side of a table, each keyed by (label, occurrence) so repeated labels stay
/// apart, and named for people: the label, or "p (column 7)" when it repeats.
private struct Axis {
    struct Key: Hashable {
        var label: String
        var occurrence: Int
    }

    let keys: [Key]
    let index: [Key: Int]
    private let repeated: Set<String>
    private let what: String

    init(_ labels: [String], what: String) {
        var seen: [String: Int] = [:]
        keys = labels.map { label in
            seen[label, default: 0] += 1
            return Key(label: label, occurrence: seen[label]!)
        }
        index = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        repeated = Set(seen.filter { $0.value > 1 }.keys)
        self.what = what
    }

    func name(of key: Key) -> String {
        // Rows are numbered below the header, as a reader counts them; columns from the left.
        repeated.contains(key.label) ? "\(key.label) (\(what) \(index[key]! + 1))" : key.label
    }

    func names(of keys: [Key]) -> [String] { keys.map(name(of:)) }
}
