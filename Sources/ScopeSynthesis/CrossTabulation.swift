import ScopeLoad

/// Studies counted by two categorical columns at once (e.g. imaging modality × task). With
/// multi-category columns a study is counted in every pair of its values.
public struct CrossTabulation: Sendable, Equatable {
    public var id: String
    public var title: String
    public var rowLabel: String
    public var columnLabel: String
    public var rowCategories: [String]
    public var columnCategories: [String]
    /// `counts[r][c]`: studies with row category r and column category c.
    public var counts: [[Int]]
    public var base: Int

    static func make(_ spec: CrosstabSpec, review: Review) -> CrossTabulation {
        let rowColumn = review.column(named: spec.rows)!
        let columnColumn = review.column(named: spec.columns)!
        let rows = review.rows(in: spec.subset)
        let rowCells = categories(of: rowColumn, in: review)
        let columnCells = categories(of: columnColumn, in: review)
        var pairCounts: [String: [String: Int]] = [:]
        var seenRows: Set<String> = []
        var seenColumns: Set<String> = []
        for row in rows {
            for r in rowCells[row] {
                seenRows.insert(r)
                for c in columnCells[row] {
                    seenColumns.insert(c)
                    pairCounts[r, default: [:]][c, default: 0] += 1
                }
            }
            columnCells[row].forEach { seenColumns.insert($0) }
        }
        let rowCategories = order(seenRows, column: rowColumn, continuous: rowColumn.type == .year)
        let columnCategories = order(
            seenColumns, column: columnColumn, continuous: columnColumn.type == .year)
        let counts = rowCategories.map { r in columnCategories.map { c in pairCounts[r]?[c] ?? 0 } }
        return CrossTabulation(
            id: spec.id, title: spec.title ?? "\(rowColumn.label) by \(columnColumn.label)",
            rowLabel: rowColumn.label, columnLabel: columnColumn.label, rowCategories: rowCategories,
            columnCategories: columnCategories, counts: counts, base: rows.count)
    }

    /// Each study's values of a categorical or year column; blanks become the "not reported" value.
    private static func categories(of column: ColumnSpec, in review: Review) -> [[String]] {
        let notReported = column.notReported.first ?? "not reported"
        switch review.values[column.name] {
        case .categories(let cells): return cells.map { $0.isEmpty ? [notReported] : $0 }
        case .numbers(let cells): return cells.map { $0.map { [NumberText.shortest($0)] } ?? [notReported] }
        case .texts(let cells): return cells.map { $0.map { [$0] } ?? [notReported] }
        case nil: return []
        }
    }

    /// Codebook order (years: every year from first to last), "not reported" last.
    private static func order(_ seen: Set<String>, column: ColumnSpec, continuous: Bool) -> [String] {
        let notReported = Set(column.notReported + ["not reported"])
        let reported = seen.subtracting(notReported)
        var ordered: [String]
        if column.type.isNumeric {
            let values = reported.compactMap(Double.init).sorted()
            if continuous, let first = values.first, let last = values.last, last - first <= 10_000 {
                ordered = stride(from: first, through: last, by: 1).map(NumberText.shortest)
            } else {
                ordered = values.map(NumberText.shortest)
            }
        } else {
            let allowed = column.type.allowedValues
            ordered = allowed.filter(reported.contains) + reported.filter { !allowed.contains($0) }.sorted()
        }
        return ordered + seen.intersection(notReported).sorted()
    }
}
