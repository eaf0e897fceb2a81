import ScopeDiagnostics

/// Checks a raw sheet against the codebook and builds the typed columns, collecting every problem:
/// unknown or missing columns, blank required cells, values of the wrong type or outside the codebook,
/// duplicate ids, and derived values that cannot be computed.
struct SheetValidator {
    let config: ReviewConfig
    let configPath: String
    let limits: LoadLimits
    private(set) var diagnostics: [Diagnostic] = []

    init(config: ReviewConfig, configPath: String, limits: LoadLimits) {
        self.config = config
        self.configPath = configPath
        self.limits = limits
    }

    struct Table {
        var ids: [String] = []
        var columns: [ColumnSpec] = []
        var values: [String: ColumnValues] = [:]
        var subsets: [String: [Bool]] = [:]
    }

    mutating func validate(_ sheet: RawSheet) -> Table {
        var table = Table()
        guard sheet.rows.count <= limits.maxRows, sheet.header.count <= limits.maxColumns else {
            diagnostics.append(
                .error(
                    "the sheet has \(sheet.rows.count) rows and \(sheet.header.count) columns; the limits are "
                        + "\(limits.maxRows) rows and \(limits.maxColumns) columns",
                    at: SourceLocation(file: sheet.displayPath)))
            return table
        }
        let positions = checkHeader(sheet)
        let parser = CellParser(decimalMark: config.sheet.decimalMark)
        let rowCount = sheet.rows.count

        for column in config.columns {
            guard let position = positions[column.name] else { continue }
            table.columns.append(column)
            table.values[column.name] = parseColumn(column, at: position, of: sheet, parser: parser)
        }
        if let idValues = table.values[config.sheet.idColumn], positions[config.sheet.idColumn] != nil {
            table.ids = checkIDs(idValues, sheet: sheet, position: positions[config.sheet.idColumn]!)
        } else {
            table.ids = (1...max(rowCount, 1)).prefix(rowCount).map { "row \($0)" }
        }
        checkNeeds(table, sheet: sheet, positions: positions)
        for derived in config.derived {
            table.columns.append(ColumnSpec(name: derived.name, type: .number, label: derived.label))
            table.values[derived.name] = .numbers(compute(derived, table: table, sheet: sheet, positions: positions))
        }
        for subset in config.subsets {
            table.subsets[subset.name] = (0..<rowCount).map { row in
                subset.condition.clauses.allSatisfy { Self.holds($0, row: row, in: table) }
            }
        }
        return table
    }

    /// Maps each codebook column to its index in the sheet; reports unknown, duplicate and missing ones.
    private mutating func checkHeader(_ sheet: RawSheet) -> [String: Int] {
        var positions: [String: Int] = [:]
        let known = config.columns.map(\.name)
        for (index, cell) in sheet.header.enumerated() {
            let name = cell.text.trimmingSpaces
            if name.isEmpty {
                diagnostics.append(.error("a column has no name in the header row", at: cell.location))
            } else if positions[name] != nil {
                diagnostics.append(.error("the column '\(name)' appears twice in the header row", at: cell.location))
            } else if known.contains(name) {
                positions[name] = index
            } else {
                var message = "unknown column '\(name)': it is not in the codebook (\(configPath))"
                if let suggestion = Suggestion.closest(to: name, among: known.filter { !sheetHas($0, sheet) }) {
                    message += "; did you mean '\(suggestion)'?"
                }
                diagnostics.append(.error(message, at: cell.location))
            }
        }
        for column in config.columns where positions[column.name] == nil {
            diagnostics.append(
                .error(
                    "the codebook names the column '\(column.name)', which the sheet \(sheet.displayPath) lacks",
                    at: SourceLocation(file: configPath, line: column.definedAt)))
        }
        return positions
    }

    private func sheetHas(_ name: String, _ sheet: RawSheet) -> Bool {
        sheet.header.contains { $0.text.trimmingSpaces == name }
    }

    private func cell(_ sheet: RawSheet, row: Int, position: Int) -> RawCell {
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
            reference.lastIndex(of: "!").map { (String(reference[...$0]), String(reference[reference.index(after: $0)...])) }
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

    private mutating func parseColumn(_ column: ColumnSpec, at position: Int, of sheet: RawSheet, parser: CellParser)
        -> ColumnValues
    {
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
            if raw.text.count > limits.maxCellCharacters {
                diagnostics.append(
                    .error(
                        "\(column.name): the cell holds \(raw.text.count) characters, above the limit of "
                            + "\(limits.maxCellCharacters)", at: raw.location))
            } else if trimmed.isEmpty {
                if column.required {
                    diagnostics.append(.error("\(column.name): a value is required here", at: raw.location))
                }
            } else if column.type.isNumeric, column.notReported.contains(trimmed) {
                parsed = nil  // "not reported" in a numeric column is a documented blank
            } else {
                switch parser.parse(raw.text, as: column) {
                case .success(let value): parsed = value
                case .failure(let error):
                    diagnostics.append(.error("\(column.name): \(error.message)", at: raw.location))
                }
            }
            switch column.type {
            case .integer, .number, .fraction, .year:
                if case .number(let value) = parsed { numbers.append(value) } else { numbers.append(nil) }
            case .category, .multiCategory:
                if case .categories(let values) = parsed { categories.append(values) } else { categories.append([]) }
            case .text, .doi, .url:
                if case .text(let value) = parsed { texts.append(value) } else { texts.append(nil) }
            }
        }
        switch column.type {
        case .integer, .number, .fraction, .year: return .numbers(numbers)
        case .category, .multiCategory: return .categories(categories)
        case .text, .doi, .url: return .texts(texts)
        }
    }

    private mutating func checkIDs(_ values: ColumnValues, sheet: RawSheet, position: Int) -> [String] {
        var firstLine: [String: SourceLocation] = [:]
        var ids: [String] = []
        ids.reserveCapacity(sheet.rows.count)
        for row in 0..<sheet.rows.count {
            let id = values.text(at: row)?.trimmingSpaces ?? ""
            let location = cell(sheet, row: row, position: position).location
            if id.isEmpty {
                if config.column(named: config.sheet.idColumn)?.required != true {
                    diagnostics.append(.error("\(config.sheet.idColumn): every study needs an id", at: location))
                }
            } else if let first = firstLine[id] {
                diagnostics.append(
                    .error(
                        "\(config.sheet.idColumn): duplicate study id \"\(id)\" (first used at \(first.line.map(String.init) ?? first.cell ?? "?"))",
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
            guard let values = table.values[column.name], let position = positions[column.name] else { continue }
            for needed in column.needs {
                guard let neededValues = table.values[needed] else {
                    diagnostics.append(
                        .error(
                            "column '\(column.name)' needs '\(needed)', which is not in the codebook",
                            at: SourceLocation(file: configPath, line: column.definedAt)))
                    continue
                }
                for row in 0..<table.ids.count where values.text(at: row) != nil && neededValues.text(at: row) == nil {
                    diagnostics.append(
                        .warning(
                            "\(column.name) is reported but \(needed) is blank (study \(table.ids[row]))",
                            at: cell(sheet, row: row, position: position).location))
                }
            }
        }
    }

    private mutating func compute(_ derived: DerivedColumn, table: Table, sheet: RawSheet, positions: [String: Int])
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
                            + "\(table.ids[row]): \(why)", at: cell(sheet, row: row, position: anchor).location))
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
            case .contains, .equals: return clause.op == .contains ? cell.contains(clause.value) : cell == [clause.value]
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
