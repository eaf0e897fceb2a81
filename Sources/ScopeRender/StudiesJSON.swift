import ScopeLoad

/// `studies.json`: every study's cells as the tool read them (typed and normalised: DOIs without
/// resolver, multi-category values joined with "; "), keyed by study id, one cell per line. It lets
/// `scopereport diff` name the study, the column and both values between two report folders.
enum StudiesJSON {
    static func encode(_ review: Review) -> String {
        var lines: [String] = []
        lines.reserveCapacity(review.studyCount * (review.columns.count + 2))
        let order = review.studyIDs.indices.sorted { review.studyIDs[$0] < review.studyIDs[$1] }
        for (position, row) in order.enumerated() {
            lines.append("  \(ResultsJSON.string(review.studyIDs[row])): {")
            let cells = review.columns.map { column -> String in
                let text = review.values[column.name]?.text(at: row)
                return "    \(ResultsJSON.string(column.name)): \(text.map(ResultsJSON.string) ?? "null")"
            }
            lines.append(cells.joined(separator: ",\n"))
            lines.append(position == order.count - 1 ? "  }" : "  },")
        }
        return lines.isEmpty ? "{}\n" : "{\n" + lines.joined(separator: "\n") + "\n}\n"
    }
}
