import ScopeLoad

/// Reads the report's `tables/*.csv` with the loader's CSV reader: header first, then the rows.
enum CSVTable {
    static func rows(_ text: String) -> [[String]] {
        guard let sheet = try? CSVReader.read(Array(text.utf8), displayPath: "", delimiter: .comma) else {
            return []
        }
        return ([sheet.header] + sheet.rows).map { $0.map(\.text) }
    }
}
