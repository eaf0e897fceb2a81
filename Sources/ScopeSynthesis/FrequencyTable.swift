import ScopeLoad

/// Counts and percentages of studies per category of one column.
public struct FrequencyTable: Sendable, Equatable {
    public var id: String
    public var title: String
    public var columnLabel: String
    /// The subset counted (nil = all studies), and its label for captions.
    public var subset: String?
    public var subsetLabel: String?
    /// The number of studies counted: the denominator of every percentage.
    public var base: Int
    /// True when a study may fall in several rows, so percentages may sum past 100 %.
    public var multiValued: Bool
    public var rows: [Row]

    public struct Row: Sendable, Equatable {
        public var label: String
        public var count: Int
        /// Percent of `base`, or nil when `base` is 0.
        public var percent: Double?
        /// The row of studies that did not report the column (blank, or a `not_reported` text).
        public var isNotReported: Bool
    }
}

extension FrequencyTable {
    /// Builds the table for `spec` over `review`'s rows in the spec's subset.
    static func make(_ spec: FrequencySpec, review: Review) -> FrequencyTable {
        let column = review.column(named: spec.column)!
        let rows = review.rows(in: spec.subset)
        let notReportedLabel = column.notReported.first ?? "not reported"
        var counts: [String: Int] = [:]
        var notReported = 0
        let multiValued: Bool
        switch review.values[spec.column] {
        case .categories(let cells):
            if case .multiCategory = column.type { multiValued = true } else { multiValued = false }
            for row in rows {
                let cell = cells[row]
                let reported = cell.filter { !column.notReported.contains($0) }
                if reported.isEmpty {
                    notReported += 1
                } else {
                    for value in reported { counts[value, default: 0] += 1 }
                }
            }
        case .numbers(let cells):
            multiValued = false
            for row in rows {
                if let value = cells[row] {
                    counts[NumberText.shortest(value), default: 0] += 1
                } else {
                    notReported += 1
                }
            }
        case .texts(let cells):
            // Free text (e.g. journal names) counts each distinct text as written.
            multiValued = false
            for row in rows {
                if let text = cells[row], !text.isEmpty {
                    counts[text, default: 0] += 1
                } else {
                    notReported += 1
                }
            }
        case nil:
            multiValued = false
        }
        let labels = orderedLabels(counts: counts, column: column, spec: spec)
        let base = rows.count
        var tableRows = labels.map { label in
            Row(
                label: label, count: counts[label] ?? 0, percent: percent(counts[label] ?? 0, of: base),
                isNotReported: false)
        }
        if notReported > 0 {
            tableRows.append(
                Row(
                    label: notReportedLabel, count: notReported, percent: percent(notReported, of: base),
                    isNotReported: true))
        }
        return FrequencyTable(
            id: spec.id, title: spec.title ?? column.label, columnLabel: column.label, subset: spec.subset,
            subsetLabel: spec.subset.flatMap { name in review.config.subsets.first { $0.name == name }?.label
            },
            base: base, multiValued: multiValued, rows: tableRows)
    }

    static func percent(_ count: Int, of base: Int) -> Double? {
        base == 0 ? nil : Double(count) * 100 / Double(base)
    }

    private static func orderedLabels(
        counts: [String: Int], column: ColumnSpec, spec: FrequencySpec
    ) -> [String] {
        if column.type.isNumeric {
            // Numbers in numeric order; years (when asked) every year from first to last, zeros included.
            let values = counts.keys.compactMap(Double.init).sorted()
            if spec.continuous, let first = values.first, let last = values.last, last - first <= 10_000,
                first == first.rounded(), last == last.rounded()
            {
                return stride(from: first, through: last, by: 1).map(NumberText.shortest)
            }
            let numeric = values.map(NumberText.shortest)
            return spec.order == .count ? byCount(numeric, counts) : numeric
        }
        let codebook = column.type.allowedValues.filter { counts[$0] != nil }
        let others = counts.keys.filter { !column.type.allowedValues.contains($0) }.sorted()
        switch spec.order {
        case .codebook: return codebook + others
        case .count: return byCount(codebook + others, counts)
        }
    }

    /// Descending count; ties keep the given order, so codebook order breaks them.
    private static func byCount(_ labels: [String], _ counts: [String: Int]) -> [String] {
        labels.enumerated().sorted { a, b in
            let (ca, cb) = (counts[a.element] ?? 0, counts[b.element] ?? 0)
            return ca != cb ? ca > cb : a.offset < b.offset
        }.map(\.element)
    }
}
