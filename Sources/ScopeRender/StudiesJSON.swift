import ScopeDiagnostics
import ScopeLoad

/// `studies.json`: every study's cells as the tool read them (typed and normalised: DOIs without
/// resolver, multi-category values joined with "; "), keyed by study id, one cell per line. It lets
/// `scopereport diff` name the study, the column and both values between two report folders.
///
/// For 100,000 studies it is the largest file of the report (over 100 MB), so it is written straight
/// into bytes.
enum StudiesJSON {
    static func encode(_ review: Review) -> [UInt8] {
        guard !review.studyIDs.isEmpty else { return Array("{}\n".utf8) }
        let columns = review.columns.map {
            (key: Array(JSONText.string($0.name).utf8), values: review.values[$0.name])
        }
        let order = review.studyIDs.indices.sorted { review.studyIDs[$0] < review.studyIDs[$1] }
        var json: [UInt8] = []
        // Generous: a reallocation would briefly need twice the file (untouched capacity costs no memory).
        json.reserveCapacity(review.studyCount * (columns.count * 96 + 64))
        json += "{\n".utf8
        for (position, row) in order.enumerated() {
            json += "  ".utf8
            JSONText.appendString(review.studyIDs[row], to: &json)
            json += ": {\n".utf8
            for (index, column) in columns.enumerated() {
                if index > 0 { json += ",\n".utf8 }
                json += "    ".utf8
                json += column.key
                json += ": ".utf8
                if let text = column.values?.text(at: row) {
                    JSONText.appendString(text, to: &json)
                } else {
                    json += "null".utf8
                }
            }
            json += (position == order.count - 1 ? "\n  }" : "\n  },").utf8
            json += "\n".utf8
        }
        json += "}\n".utf8
        return json
    }
}
