import ScopeDiagnostics

/// The printed label behind a key segment ("mri" → "MRI"), read from the report's tables: their
/// first column and header hold the category labels whose slugs make the keys of frequencies and
/// cross-tabulations. A segment with no label, or with two different ones, reads as itself.
struct CategoryLabels {
    private let labels: [String: String]

    /// Labels from `tables`, and from `fallback` for segments `tables` does not name (a category
    /// that is gone from the new report reads as the old one called it).
    init(tables: [[[String]]], fallback: [[[String]]]) {
        labels = Self.labels(in: tables).merging(Self.labels(in: fallback)) { current, _ in current }
    }

    private static func labels(in tables: [[[String]]]) -> [String: String] {
        var labels: [String: String] = [:]
        var ambiguous: Set<String> = []
        for table in tables {
            let cells = (table.first ?? []) + table.dropFirst().compactMap(\.first)
            for label in cells where !label.isEmpty {
                let slug = ResultKey.segment(label)
                if let known = labels[slug], known != label { ambiguous.insert(slug) }
                labels[slug] = label
            }
        }
        for slug in ambiguous { labels[slug] = nil }
        return labels
    }

    subscript(segment: String) -> String { labels[segment] ?? segment }
}
