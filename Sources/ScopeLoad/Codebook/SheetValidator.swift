import ScopeDiagnostics
import ScopeSystem

/// Checks a raw sheet against the codebook and builds the typed columns, collecting every problem:
/// unknown or missing columns, blank required cells, values of the wrong type or outside the codebook,
/// duplicate ids, and derived values that cannot be computed.
///
/// It works in two steps: `parse` types the sheet's columns, which needs only the codebook's columns and
/// the sheet's settings; `finish` adds the derived columns and the subsets.
struct SheetValidator {
    let columns: [ColumnSpec]
    let source: SheetSource
    let configPath: String
    let limits: LoadLimits
    private(set) var diagnostics: [Diagnostic] = []
    /// Past this many cells the columns parse on every core; below, handing them over costs more.
    static let parallelFromCells = 20_000

    init(columns: [ColumnSpec], source: SheetSource, configPath: String, limits: LoadLimits) {
        self.columns = columns
        self.source = source
        self.configPath = configPath
        self.limits = limits
    }

    struct Table: Sendable {
        var ids: [String] = []
        var columns: [ColumnSpec] = []
        var values: [String: ColumnValues] = [:]
        var subsets: [String: [Bool]] = [:]
    }

    /// What `parse` made, for `finish`.
    struct Parsed: Sendable {
        fileprivate var sheet: RawSheet
        fileprivate var positions: [String: Int] = [:]
        fileprivate var table = Table()
        /// False when the sheet was over the row or column limit, and nothing was parsed.
        fileprivate var withinLimits = true
    }

    /// The sheet's columns, typed by the codebook, and the study ids.
    mutating func parse(_ fullSheet: RawSheet) -> Parsed {
        // A row with no value at all (a spacer, or a gap in a workbook) is not a study.
        var sheet = fullSheet
        sheet.rows.removeAll { row in row.allSatisfy { $0.text.trimmingSpaces.isEmpty } }
        var result = Parsed(sheet: sheet)
        guard sheet.rows.count <= limits.maxRows, sheet.header.count <= limits.maxColumns else {
            diagnostics.append(
                .error(
                    "the sheet has \(sheet.rows.count) rows and \(sheet.header.count) columns; the limits are "
                        + "\(limits.maxRows) rows and \(limits.maxColumns) columns (limits: max_rows, max_columns)",
                    at: SourceLocation(file: sheet.displayPath)))
            result.withinLimits = false
            return result
        }
        let positions = checkHeader(sheet)
        checkRowLengths(sheet)
        let parser = CellParser(decimalMark: source.decimalMark)
        let rowCount = sheet.rows.count
        var table = Table()

        // The columns are independent: they are parsed on every core (most of a large sheet's load).
        let present = columns.compactMap { column in positions[column.name].map { (column, $0) } }
        let rows = sheet
        let limits = limits
        let parsed = ParallelMap.map(
            present.count, parallel: present.count * rowCount >= Self.parallelFromCells
        ) { index in
            Self.parseColumn(present[index].0, at: present[index].1, of: rows, parser: parser, limits: limits)
        }
        for ((column, _), (values, problems)) in zip(present, parsed) {
            table.columns.append(column)
            table.values[column.name] = values
            diagnostics += problems
        }
        if let idValues = table.values[source.idColumn], positions[source.idColumn] != nil {
            table.ids = checkIDs(idValues, sheet: sheet, position: positions[source.idColumn]!)
        } else {
            table.ids = (1...max(rowCount, 1)).prefix(rowCount).map { "row \($0)" }
        }
        result.positions = positions
        result.table = table
        return result
    }

    /// The parsed sheet with the derived columns and the subsets of the config added.
    mutating func finish(_ parsed: Parsed, derived: [DerivedColumn], subsets: [SubsetSpec]) -> Table {
        guard parsed.withinLimits else { return Table() }
        var table = parsed.table
        let (sheet, positions) = (parsed.sheet, parsed.positions)
        checkNeeds(table, sheet: sheet, positions: positions)
        for derived in derived {
            table.columns.append(ColumnSpec(name: derived.name, type: .number, label: derived.label))
            table.values[derived.name] = .numbers(
                compute(derived, table: table, sheet: sheet, positions: positions))
        }
        for subset in subsets {
            table.subsets[subset.name] = (0..<sheet.rows.count).map { row in
                subset.condition.clauses.allSatisfy { Self.holds($0, row: row, in: table) }
            }
        }
        return table
    }

    private func codebookColumn(named name: String) -> ColumnSpec? { columns.first { $0.name == name } }

    /// Maps each codebook column to its index in the sheet; reports unknown, duplicate and missing ones.
    private mutating func checkHeader(_ sheet: RawSheet) -> [String: Int] {
        var positions: [String: Int] = [:]
        let known = columns.map(\.name)
        // A codebook column the sheet lacks, already named in a "did you mean" of an unknown header.
        var suggested: Set<String> = []
        for (index, cell) in sheet.header.enumerated() {
            let name = cell.text.trimmingSpaces
            if name.isEmpty {
                diagnostics.append(
                    .error(
                        "a column has no name in the header row; name it, or delete the column if it is empty",
                        at: cell.location))
            } else if positions[name] != nil {
                diagnostics.append(
                    .error(
                        "the column '\(name)' appears twice in the header row; rename or delete one of them",
                        at: cell.location))
            } else if known.contains(name) {
                positions[name] = index
            } else if source.ignores(name) {
                continue
            } else if let suggestion = Suggestion.closest(
                to: name, among: known.filter { !sheetHas($0, sheet) })
            {
                suggested.insert(suggestion)
                diagnostics.append(
                    .error(
                        "unknown column '\(name)'; did you mean '\(suggestion)'? (rename the header cell, or declare "
                            + "the column under 'columns' in \(configPath))", at: cell.location))
            } else {
                diagnostics.append(
                    .error(
                        "unknown column '\(name)': declare it under 'columns' in \(configPath), list it under "
                            + "'ignore_columns' in 'sheet' if the review does not use it, or delete it from the sheet",
                        at: cell.location))
            }
        }
        for column in columns where positions[column.name] == nil && !suggested.contains(column.name) {
            let what = column.required ? "the required column" : "the column"
            diagnostics.append(
                .error(
                    "\(what) '\(column.name)' is missing from the sheet \(sheet.displayPath); add it to the header "
                        + "row\(column.required ? "" : ", or delete it from 'columns'")",
                    at: SourceLocation(file: configPath, line: column.definedAt)))
        }
        return positions
    }

    /// A row with more values than the header has names: most often a text holding the separator
    /// that was not quoted, which shifts every later value of the row one column to the right.
    private mutating func checkRowLengths(_ sheet: RawSheet) {
        let width = sheet.header.count
        for row in sheet.rows where row.count > width {
            guard let extra = row[width...].first(where: { !$0.text.trimmingSpaces.isEmpty }) else {
                continue
            }
            let filled = (row.lastIndex { !$0.text.trimmingSpaces.isEmpty } ?? 0) + 1
            diagnostics.append(
                .error(
                    "this row has \(filled) values but the header names \(width) columns; quote any value that holds "
                        + "the separator, or name the extra column in the header row", at: extra.location))
        }
    }

    private func sheetHas(_ name: String, _ sheet: RawSheet) -> Bool {
        sheet.header.contains { $0.text.trimmingSpaces == name }
    }

    private static func cell(_ sheet: RawSheet, row: Int, position: Int) -> RawCell {
        let cells = sheet.rows[row]
        if position < cells.count { return cells[position] }
        // A short row: point after its last cell, on its line.
        let last = cells.last?.location ?? SourceLocation(file: sheet.displayPath)
        return RawCell(
            text: "",
            location: last.cell == nil
                ? SourceLocation(file: last.file, line: last.line, column: position + 1)
                : SourceLocation(file: last.file, cell: Self.cellReference(last.cell!, column: position)))
    }

    /// `Sheet!G14` with its column letters replaced by those of `column` (0-based).
    static func cellReference(_ reference: String, column: Int) -> String {
        let (sheetPart, cellPart) =
            reference.lastIndex(of: "!").map {
                (String(reference[...$0]), String(reference[reference.index(after: $0)...]))
            }
            ?? ("", reference)
        let digits = cellPart.drop { $0.isLetter }
        var letters = ""
        var n = column + 1
        while n > 0 {
            let remainder = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            n = (n - 1) / 26
        }
        return sheetPart + letters + digits
    }

    private static func parseColumn(
        _ column: ColumnSpec, at position: Int, of sheet: RawSheet, parser: CellParser, limits: LoadLimits
    )
        -> (ColumnValues, [Diagnostic])
    {
        var diagnostics: [Diagnostic] = []
        let rowCount = sheet.rows.count
        var numbers: [Double?] = []
        var categories: [[String]] = []
        var texts: [String?] = []
        switch column.type {
        case .integer, .number, .fraction, .year: numbers.reserveCapacity(rowCount)
        case .category, .multiCategory: categories.reserveCapacity(rowCount)
        case .text, .doi, .url: texts.reserveCapacity(rowCount)
        }
        for row in 0..<rowCount {
            let raw = cell(sheet, row: row, position: position)
            let trimmed = raw.text.trimmingSpaces
            var parsed: CellParser.Parsed?
            // utf8.count bounds the character count and is cheap; count only the cells that may be long.
            if raw.text.utf8.count > limits.maxCellCharacters, raw.text.count > limits.maxCellCharacters {
                diagnostics.append(
                    .error(
                        "\(column.name): the cell holds \(raw.text.count) characters, above the limit of "
                            + "\(limits.maxCellCharacters) (limits: max_cell_characters)", at: raw.location))
            } else if let problem = ControlCharacterCheck.problem(in: raw.text) {
                diagnostics.append(.error("\(column.name): \(problem)", at: raw.location))
            } else if trimmed.isEmpty {
                if column.required {
                    diagnostics.append(
                        .error(
                            "\(column.name): the cell is blank, but the codebook marks this column as required",
                            at: raw.location))
                }
            } else if column.type.isNumeric, column.notReported.contains(trimmed) {
                parsed = nil  // "not reported" in a numeric column is a documented blank
            } else {
                switch parser.parse(raw.text, as: column) {
                case .success(let value): parsed = value
                case .failure(let error):
                    for message in error.messages {
                        diagnostics.append(.error("\(column.name): \(message)", at: raw.location))
                    }
                }
            }
            switch column.type {
            case .integer, .number, .fraction, .year:
                if case .number(let value) = parsed { numbers.append(value) } else { numbers.append(nil) }
            case .category, .multiCategory:
                if case .categories(let values) = parsed {
                    categories.append(values)
                } else {
                    categories.append([])
                }
            case .text, .doi, .url:
                if case .text(let value) = parsed { texts.append(value) } else { texts.append(nil) }
            }
        }
        switch column.type {
        case .integer, .number, .fraction, .year: return (.numbers(numbers), diagnostics)
        case .category, .multiCategory: return (.categories(categories), diagnostics)
        case .text, .doi, .url: return (.texts(texts), diagnostics)
        }
    }

    private mutating func checkIDs(_ values: ColumnValues, sheet: RawSheet, position: Int) -> [String] {
        var firstLine: [String: SourceLocation] = [:]
        var ids: [String] = []
        ids.reserveCapacity(sheet.rows.count)
        for row in 0..<sheet.rows.count {
            let id = values.text(at: row)?.trimmingSpaces ?? ""
            let location = Self.cell(sheet, row: row, position: position).location
            if id.isEmpty {
                if codebookColumn(named: source.idColumn)?.required != true {
                    diagnostics.append(
                        .error(
                            "\(source.idColumn): the study id is blank; every study needs one",
                            at: location))
                }
            } else if let first = firstLine[id] {
                diagnostics.append(
                    .error(
                        "\(source.idColumn): the study id \(id.quotedForMessage) is already used "
                            + "\(first.cell.map { "in \($0)" } ?? "on line \(first.line ?? 0)"); give each study its own id",
                        at: location))
            } else {
                firstLine[id] = location
            }
            ids.append(id)
        }
        return ids
    }

    /// Warnings for cells filled while a column they depend on is blank (a metric without a sample size).
    private mutating func checkNeeds(_ table: Table, sheet: RawSheet, positions: [String: Int]) {
        for column in table.columns where !column.needs.isEmpty {
            guard let values = table.values[column.name], let position = positions[column.name] else {
                continue
            }
            for needed in column.needs {
                // An unknown name is reported by the config decoder, a missing column by checkHeader.
                guard let neededValues = table.values[needed], let neededPosition = positions[needed] else {
                    continue
                }
                let documentedBlanks = codebookColumn(named: needed)?.notReported ?? []
                for row in 0..<table.ids.count
                where values.text(at: row) != nil && neededValues.text(at: row) == nil {
                    // A needed cell that failed to parse has its own error already; warn only about real gaps.
                    let neededText = Self.cell(sheet, row: row, position: neededPosition).text.trimmingSpaces
                    guard neededText.isEmpty || documentedBlanks.contains(neededText) else { continue }
                    diagnostics.append(
                        .warning(
                            "\(column.name) is reported but \(needed) is blank (study \(table.ids[row])); "
                                + "fill in \(needed) if the study reports it",
                            at: Self.cell(sheet, row: row, position: position).location))
                }
            }
        }
    }

    private mutating func compute(
        _ derived: DerivedColumn, table: Table, sheet: RawSheet, positions: [String: Int]
    )
        -> [Double?]
    {
        var result: [Double?] = []
        result.reserveCapacity(table.ids.count)
        for row in 0..<table.ids.count {
            let evaluation = derived.formula.evaluate(
                { name in table.values[name]?.numbers?[row] ?? nil },
                count: { name in table.values[name]?.categories?[row].count ?? 0 })
            switch evaluation {
            case .value(let value) where value.isFinite: result.append(value)
            case .value, .missing: result.append(nil)
            case .undefined(let why):
                let anchor = derived.formula.columns.last.flatMap { positions[$0] } ?? 0
                diagnostics.append(
                    .error(
                        "\(derived.name) = \(derived.formulaText) cannot be computed for study "
                            + "\(table.ids[row]): \(why); correct the value, or leave it blank if it is unknown",
                        at: Self.cell(sheet, row: row, position: anchor).location))
                result.append(nil)
            }
        }
        return result
    }

    static func holds(_ clause: Condition.Clause, row: Int, in table: Table) -> Bool {
        guard let values = table.values[clause.column] else { return false }
        switch values {
        case .categories(let cells):
            let cell = cells[row]
            switch clause.op {
            case .contains, .equals:
                return clause.op == .contains ? cell.contains(clause.value) : cell == [clause.value]
            case .notEquals: return cell != [clause.value]
            default: return false
            }
        case .texts(let cells):
            let cell = cells[row] ?? ""
            switch clause.op {
            case .equals: return cell == clause.value
            case .notEquals: return cell != clause.value
            case .contains: return cell.contains(clause.value)
            default: return false
            }
        case .numbers(let cells):
            guard let value = cells[row], let target = Double(clause.value) else { return false }
            switch clause.op {
            case .equals: return value == target
            case .notEquals: return value != target
            case .atLeast: return value >= target
            case .atMost: return value <= target
            case .greater: return value > target
            case .less: return value < target
            case .contains: return false
            }
        }
    }
}
