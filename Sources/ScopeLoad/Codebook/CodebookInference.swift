/// The codebook a sheet's cells suggest, for `scopereport init --from`: each column gets the first
/// type that every one of its values passes, as the build itself would read them, so that the
/// config written from it builds at once; the author then checks it.
public struct InferredCodebook: Sendable {
    public var columns: [ColumnSpec]
    /// The first column whose values are all filled in and all different.
    public var idColumn: String?
    /// The row that names the columns: the first, unless a title (one cell) is above it.
    public var headerRow: Int
    /// The row under the header describes each column rather than being a study (most of its cells
    /// fail their column's type): the studies start one row further down.
    public var hasDescriptionRow: Bool
}

extension InferredCodebook {
    /// Categories with more distinct values than this are taken as free text.
    static let maxCategoryValues = 40

    public init(of read: RawSheet) {
        var sheet = read
        headerRow = RawSheet.rowNumber(of: read.header) ?? 1
        func filled(_ row: [RawCell]) -> Int { row.filter { !$0.text.trimmingSpaces.isEmpty }.count }
        if filled(read.header) <= 1, let next = read.rows.first, filled(next) > 1,
            let number = RawSheet.rowNumber(of: next),
            let framed = read.framed(headerRow: number, firstDataRow: number + 1)
        {
            sheet = framed
            headerRow = number
        }
        let names = sheet.header.map(\.text.trimmingSpaces)
        func cells(_ rows: ArraySlice<[RawCell]>, _ column: Int) -> [String] {
            rows.map { column < $0.count ? $0[column].text.trimmingSpaces : "" }.filter { !$0.isEmpty }
        }
        let body = sheet.rows.count > 2 ? sheet.rows.dropFirst() : sheet.rows[...]
        var columns = names.indices.map { Self.column(names[$0], values: cells(body, $0)) }
        // Row 2 is a description when it fails the types the rows below it agree on.
        let typed = columns.indices.filter { columns[$0].type != .text && !cells(body, $0).isEmpty }
        let parser = CellParser(decimalMark: ".")
        let failing = typed.filter { index in
            guard let first = cells(sheet.rows.prefix(1), index).first else { return false }
            if case .failure = parser.parse(first, as: columns[index]) { return true }
            return false
        }
        hasDescriptionRow = sheet.rows.count > 2 && !typed.isEmpty && failing.count * 2 >= typed.count
        if !hasDescriptionRow {
            columns = names.indices.map { Self.column(names[$0], values: cells(sheet.rows[...], $0)) }
        }
        self.columns = columns
        let studies = hasDescriptionRow ? sheet.rows.dropFirst() : sheet.rows[...]
        idColumn =
            names.indices.first { index in
                let values = cells(studies, index)
                return values.count == studies.count && Set(values).count == values.count
            }.map { names[$0] }
    }

    /// The first type all of `values` pass: integer (a year when the name says so), fraction, number,
    /// DOI, URL, multi-category, category, else text.
    static func column(_ name: String, values: [String]) -> ColumnSpec {
        let parser = CellParser(decimalMark: ".")
        func all(_ type: ColumnType) -> Bool {
            !values.isEmpty
                && values.allSatisfy {
                    if case .success = parser.parse($0, as: ColumnSpec(name: name, type: type)) {
                        return true
                    }
                    return false
                }
        }
        var spec = ColumnSpec(name: name, type: .text)
        if name.lowercased().contains("year"), all(.year) {
            spec.type = .year
        } else if all(.integer) {
            spec.type = .integer
            // Counts, as most integer columns of a review are, cannot be negative.
            if values.allSatisfy({ !$0.hasPrefix("-") }) { spec.minimum = 0 }
        } else if all(.fraction) {
            spec.type = .fraction
        } else if all(.number) {
            spec.type = .number
        } else if all(.doi) {
            spec.type = .doi
        } else if all(.url) {
            spec.type = .url
        } else if let separator = [";", "|"].first(where: { separator in
            values.contains { $0.contains(separator) }
        }) {
            let pieces = values.flatMap {
                $0.split(separator: Character(separator)).map { String($0).trimmingSpaces }
            }
            let distinct = Set(pieces.filter { !$0.isEmpty })
            if distinct.count <= maxCategoryValues, distinct.count < pieces.count {
                spec.type = .multiCategory(values: distinct.sorted(), separator: separator)
            }
        } else {
            let distinct = Set(values)
            if distinct.count <= maxCategoryValues, distinct.count * 2 <= max(values.count, 2) {
                spec.type = .category(values: distinct.sorted())
            }
        }
        return spec
    }
}
