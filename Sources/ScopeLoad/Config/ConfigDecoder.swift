import ScopeDiagnostics
import Yams

/// Turns the review's YAML config into a `ReviewConfig`, reporting every problem at its line.
struct ConfigDecoder {
    let file: String
    var diagnostics: [Diagnostic] = []
    /// Columns whose type could not be read. They are kept (as text) so that the sheet's header still
    /// matches, and later checks of their type stay quiet: the one error at the type is enough.
    var columnsOfUnknownType: Set<String> = []

    init(file: String) { self.file = file }

    /// The decoded config, or nil when errors make it unusable (they are in `diagnostics`).
    mutating func decode(_ text: String) -> (config: ReviewConfig, root: YAMLFields)? {
        let root: Node
        do {
            // The basic resolver tags every plain scalar as a string: the decoder reads each value as
            // the type its key expects (Node.int, .bool … parse the text themselves), and the default
            // resolver would compile a dozen ICU regular expressions on every run to guess types nobody
            // asks for (4.8 ms of every run, measured on the default review). For the same reason the
            // constructor is an empty one (the tool never asks Yams for Swift values, only for nodes;
            // the default builds its tables of every YAML type on each call), and the encoding is
            // given (the default looks for YAMS_DEFAULT_ENCODING in the whole environment).
            guard let node = try Yams.compose(yaml: text, .basic, Constructor([:], [:], [:]), .utf8) else {
                diagnostics.append(
                    .error("the config file is empty", at: SourceLocation(file: file, line: 1)))
                return nil
            }
            root = node
        } catch let error as YamlError {
            diagnostics.append(Self.diagnostic(for: error, file: file, text: text))
            return nil
        } catch {
            diagnostics.append(.error("cannot read the config: \(error)", at: SourceLocation(file: file)))
            return nil
        }
        guard var fields = YAMLFields(root, file: file, what: "the config", diagnostics: &diagnostics) else {
            return nil
        }
        let metadata = decodeMetadata(fields.value("metadata"), fields)
        let columns = decodeColumns(fields.value("columns"), fields)
        let columnNames = columns.map(\.name)
        let sheet = decodeSheet(fields.value("sheet"), fields, columnNames: columnNames)
        let derived = decodeDerived(fields.value("derived"), columns: columns)
        let allColumns = columns + derived.map { ColumnSpec(name: $0.name, type: .number, label: $0.label) }
        let subsets = decodeSubsets(fields.value("subsets"), columns: allColumns)
        let presentation = decodePresentation(fields.value("presentation"))
        let excluded = decodeExcluded(fields.value("excluded"))
        let synthesis = decodeSynthesis(
            fields.value("synthesis"), columns: allColumns, subsets: subsets.map(\.name))
        var prisma: PrismaFlow?
        if let node = fields.value("prisma") {
            let (flow, problems) = PrismaFlow.decode(node, file: file)
            diagnostics += problems
            if let flow {
                // Counts in a CSV are checked once the loader has read them.
                if flow.countsFile == nil { diagnostics += flow.check() }
                prisma = flow
            }
        }
        let claims = decodeClaims(fields.value("claims"))
        fields.reportUnknownKeys(in: "the config", &diagnostics)
        guard let metadata, let sheet else { return nil }
        let config = ReviewConfig(
            metadata: metadata, sheet: sheet, columns: columns, derived: derived, subsets: subsets,
            synthesis: synthesis, presentation: presentation, excluded: excluded, prisma: prisma,
            claims: claims)
        return (config, fields)
    }

    static func diagnostic(for error: YamlError, file: String, text: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            // libyaml notices a missing bracket or quote only where the text stops making sense; the
            // context says where the unfinished construct began, which is where the fix usually is.
            var started: String?
            if let context, !context.text.isEmpty {
                started = context.text
                if context.mark.line != mark.line { started! += " begun on line \(context.mark.line)" }
            }
            let what = [started, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return .error(
                "the config is not valid YAML: \(what)\(hint(for: problem))",
                at: SourceLocation(file: file, line: mark.line, column: mark.column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams points at the first of the clashing keys; the second is the likelier mistake.
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            let second = duplicates.first.flatMap {
                secondKeyLine(named: $0, after: context.mark.line, in: text)
            }
            return .error(
                "the key \(keys) appears twice in the same mapping; keep one of them (or rename it)",
                at: SourceLocation(
                    file: file, line: second ?? context.mark.line,
                    column: second == nil ? context.mark.column : nil))
        default:
            // Other cases carry no position (and some carry the whole text): say only what went wrong.
            return .error("the config cannot be read as YAML", at: SourceLocation(file: file))
        }
    }

    /// libyaml's terse problems, with the usual cause spelled out.
    private static func hint(for problem: String) -> String {
        if problem.contains("found character that cannot start any token") {
            return " (a value starting with @, ` or % must be quoted; indent with spaces, not tabs)"
        }
        if problem.contains("mapping values are not allowed") {
            return " (a value holding \": \" must be quoted)"
        }
        if problem.contains("did not find expected") {
            return "; check the closing brackets and the indentation"
        }
        return ""
    }

    /// The line of the second `name:` key at the same indentation as the first one (on `line`).
    private static func secondKeyLine(named name: String, after line: Int, in text: String) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return nil }
        let indentation = lines[line - 1].prefix { $0 == " " }.count
        for index in line..<lines.count {
            let candidate = lines[index]
            let indent = candidate.prefix { $0 == " " }.count
            let rest = candidate.dropFirst(indent)
            if indent == indentation, rest.hasPrefix("\(name):") { return index + 1 }
            if indent < indentation, !rest.isEmpty, !rest.hasPrefix("#") { return nil }
        }
        return nil
    }

    private func missing(_ key: String, _ parent: YAMLFields) -> Diagnostic {
        .error("the config needs a '\(key)' section", at: parent.location)
    }

    // MARK: - metadata

    private mutating func decodeMetadata(_ node: Node?, _ parent: YAMLFields) -> ReportMetadata? {
        guard let node else {
            diagnostics.append(missing("metadata", parent))
            return nil
        }
        guard var fields = YAMLFields(node, file: file, what: "'metadata'", diagnostics: &diagnostics) else {
            return nil
        }
        guard let title = fields.requiredString("title", in: "'metadata'", &diagnostics) else { return nil }
        var metadata = ReportMetadata(title: title)
        metadata.authors = fields.strings("authors", &diagnostics) ?? []
        metadata.question = fields.string("question", &diagnostics)
        metadata.eligibility = fields.strings("eligibility", &diagnostics) ?? []
        metadata.searchDate = fields.string("search_date", &diagnostics)
        metadata.databases = fields.strings("databases", &diagnostics) ?? []
        metadata.dataNotice = fields.string("data_notice", &diagnostics)
        // Any other text entry is free for the templates.
        for pair in fields.pairs
        where ![
            "title", "authors", "question", "eligibility", "search_date",
            "databases", "data_notice",
        ].contains(pair.key) {
            if case .scalar(let scalar) = pair.value {
                metadata.extra[pair.key] = scalar.string
            } else {
                diagnostics.append(
                    .error(
                        "metadata '\(pair.key)' should be a single text value",
                        at: fields.location(of: pair.value)))
            }
        }
        return metadata
    }

    // MARK: - sheet

    private mutating func decodeSheet(
        _ node: Node?, _ parent: YAMLFields, columnNames: [String]
    ) -> SheetSource? {
        guard let node else {
            diagnostics.append(missing("sheet", parent))
            return nil
        }
        guard var fields = YAMLFields(node, file: file, what: "'sheet'", diagnostics: &diagnostics) else {
            return nil
        }
        let path = fields.requiredString("file", in: "'sheet'", &diagnostics)
        let idColumn = fields.string("id", &diagnostics) ?? "id"
        var source = SheetSource(file: path ?? "", idColumn: idColumn)
        source.sheetName = fields.string("sheet", &diagnostics)
        if let delimiterNode = fields.value("delimiter") {
            switch delimiterNode.string {
            case "auto": source.delimiter = .automatic
            case ",", "comma": source.delimiter = .comma
            case ";", "semicolon": source.delimiter = .semicolon
            case "\t", "tab": source.delimiter = .tab
            default:
                diagnostics.append(
                    .error(
                        "'delimiter' should be auto, comma, semicolon or tab",
                        at: fields.location(of: delimiterNode)))
            }
        }
        if let markNode = fields.value("decimal_mark") {
            switch markNode.string {
            case ".": source.decimalMark = "."
            case ",": source.decimalMark = ","
            default:
                diagnostics.append(
                    .error("'decimal_mark' should be \".\" or \",\"", at: fields.location(of: markNode)))
            }
        }
        source.encoding = decodeEncoding(&fields)
        source.limits = decodeLimits(fields.value("limits"))
        if let row = fields.int("header_row", &diagnostics) {
            if row >= 1 { source.headerRow = row } else { rowError("header_row", row, &fields) }
        }
        if let row = fields.int("first_data_row", &diagnostics) {
            if row > source.headerRow {
                source.firstDataRow = row
            } else {
                rowError("first_data_row", row, &fields, after: source.headerRow)
            }
        }
        source.ignoredColumns = fields.strings("ignore_columns", &diagnostics) ?? []
        // A workbook stores numbers as numbers, is always UTF-8 and has no separator: these settings
        // would only mislead.
        if let path, path.lowercased().hasSuffix(".xlsx") {
            for key in ["delimiter", "decimal_mark", "encoding"] {
                guard let setting = fields.value(key) else { continue }
                diagnostics.append(
                    .error(
                        "'\(key)' applies to CSV sheets only, and \(path) is an XLSX workbook; delete this line",
                        at: fields.location(of: setting)))
            }
        }
        if !columnNames.isEmpty, !columnNames.contains(idColumn) {
            diagnostics.append(
                .error(
                    "the id column '\(idColumn)' is not declared under 'columns'"
                        + (Suggestion.closest(to: idColumn, among: columnNames).map {
                            "; did you mean '\($0)'?"
                        } ?? ""),
                    at: fields.location(of: fields.value("id") ?? node)))
        }
        fields.reportUnknownKeys(in: "'sheet'", &diagnostics)
        return path == nil ? nil : source
    }

    private mutating func rowError(
        _ key: String, _ row: Int, _ fields: inout YAMLFields, after header: Int = 0
    ) {
        let bound = header == 0 ? "1 or more" : "after the header row (\(header))"
        diagnostics.append(
            .error(
                "'\(key)' should be a row number \(bound), not \(row)",
                at: fields.location(of: fields.value(key)!)))
    }

    // MARK: - columns (the codebook)

    private mutating func decodeColumns(_ node: Node?, _ parent: YAMLFields) -> [ColumnSpec] {
        guard let node else {
            diagnostics.append(missing("columns", parent))
            return []
        }
        guard let columnsFields = YAMLFields(node, file: file, what: "'columns'", diagnostics: &diagnostics)
        else {
            return []
        }
        var columns: [ColumnSpec] = []
        for pair in columnsFields.pairs {
            guard var column = decodeColumn(name: pair.key, pair.value) else { continue }
            column.definedAt = pair.keyNode.mark?.line
            columns.append(column)
        }
        let names = columns.map(\.name)
        for column in columns {
            for needed in column.needs where !names.contains(needed) {
                diagnostics.append(
                    unknownColumn(
                        needed, in: "'needs' of column '\(column.name)'",
                        at: SourceLocation(file: file, line: column.definedAt), columns: names))
            }
        }
        return columns
    }

    private mutating func decodeColumn(name: String, _ node: Node) -> ColumnSpec? {
        // `year: year` is shorthand for `year: {type: year}`.
        if case .scalar(let scalar) = node {
            return ColumnSpec(name: name, type: simpleType(scalar.string, column: name, at: node) ?? .text)
        }
        let what = "column '\(name)'"
        guard var fields = YAMLFields(node, file: file, what: what, diagnostics: &diagnostics) else {
            return nil
        }
        guard let typeName = fields.requiredString("type", in: what, &diagnostics) else { return nil }
        let values = fields.strings("values", &diagnostics) ?? []
        let separatorNode = fields.value("separator")
        let separator = fields.string("separator", &diagnostics) ?? ";"
        let type: ColumnType?
        switch typeName {
        case "category": type = .category(values: values)
        case "multi-category":
            if separator.isEmpty {
                diagnostics.append(.error("'separator' of \(what) may not be empty", at: fields.location))
            }
            type = .multiCategory(values: values, separator: separator.isEmpty ? ";" : separator)
        default: type = simpleType(typeName, column: name, at: fields.value("type") ?? node)
        }
        if let separatorNode, typeName != "multi-category" {
            diagnostics.append(
                .error(
                    "'separator' only applies to multi-category columns, not to \(typeName)",
                    at: fields.location(of: separatorNode)))
        }
        var column = ColumnSpec(
            name: name, type: type ?? .text, required: fields.bool("required", &diagnostics) ?? false,
            label: fields.string("label", &diagnostics),
            notReported: fields.strings("not_reported", &diagnostics) ?? [])
        column.needs = fields.strings("needs", &diagnostics) ?? []
        decodeRange(&column, &fields, what: what)
        if let valuesNode = fields.value("values"), type?.isCategorical == false {
            diagnostics.append(
                .error(
                    "'values' only applies to category and multi-category columns, not to \(typeName)",
                    at: fields.location(of: valuesNode)))
        }
        fields.reportUnknownKeys(in: what, &diagnostics)
        if column.label.isEmpty { column.label = name }
        return column
    }

    /// `min:` and `max:` of an integer, number or year column.
    private mutating func decodeRange(_ column: inout ColumnSpec, _ fields: inout YAMLFields, what: String) {
        for key in ["min", "max"] {
            guard let node = fields.value(key) else { continue }
            guard [.integer, .number, .year].contains(column.type) else {
                diagnostics.append(
                    .error(
                        "'\(key)' applies to integer, number and year columns, not to \(column.type.keyword)",
                        at: fields.location(of: node)))
                continue
            }
            guard let value = fields.double(key, &diagnostics), value.isFinite else {
                if node.float?.isFinite == false {
                    diagnostics.append(
                        .error("'\(key)' should be a finite number", at: fields.location(of: node)))
                }
                continue
            }
            if key == "min" { column.minimum = value } else { column.maximum = value }
        }
        if let minimum = column.minimum, let maximum = column.maximum, minimum > maximum {
            diagnostics.append(
                .error("'min' of \(what) is above its 'max'", at: fields.location(of: fields.value("min")!)))
            // Every cell would be out of range: that error says it once.
            (column.minimum, column.maximum) = (nil, nil)
        }
    }

    /// A type keyword, or nil after reporting an unknown one (the column is then remembered as such).
    private mutating func simpleType(_ name: String, column: String, at node: Node) -> ColumnType? {
        switch name {
        case "integer": return .integer
        case "number": return .number
        case "fraction": return .fraction
        case "year": return .year
        case "text": return .text
        case "doi": return .doi
        case "url": return .url
        case "category": return .category(values: [])
        case "multi-category": return .multiCategory(values: [], separator: ";")
        default:
            columnsOfUnknownType.insert(column)
            var message = "column '\(column)' has the unknown type '\(name)'"
            if let suggestion = Suggestion.closest(to: name, among: ColumnType.keywords) {
                message += "; did you mean '\(suggestion)'?"
            } else {
                message += "; use one of " + ColumnType.keywords.joined(separator: ", ")
            }
            diagnostics.append(.error(message, at: YAMLFields.location(node, file)))
            return nil
        }
    }

    // MARK: - derived columns and subsets

    private mutating func decodeDerived(_ node: Node?, columns: [ColumnSpec]) -> [DerivedColumn] {
        guard let node else { return [] }
        guard let fields = YAMLFields(node, file: file, what: "'derived'", diagnostics: &diagnostics) else {
            return []
        }
        var derived: [DerivedColumn] = []
        for pair in fields.pairs {
            let what = "derived column '\(pair.key)'"
            var formulaText: String?
            var label: String?
            if case .scalar(let scalar) = pair.value {
                formulaText = scalar.string
            } else if var inner = YAMLFields(pair.value, file: file, what: what, diagnostics: &diagnostics) {
                formulaText = inner.requiredString("formula", in: what, &diagnostics)
                label = inner.string("label", &diagnostics)
                inner.reportUnknownKeys(in: what, &diagnostics)
            }
            guard let formulaText else { continue }
            let location = fields.location(of: pair.value)
            switch Formula.parse(formulaText) {
            case .failure(let error):
                diagnostics.append(.error("\(what): \(error.message)", at: location))
            case .success(let formula):
                var valid = true
                // Each column once, in order of appearance: a formula may name one hundreds of times.
                let counted = Set(formula.countedColumns)
                var seen: Set<String> = []
                for name in formula.columns where seen.insert(name).inserted {
                    let known =
                        columns.first { $0.name == name }
                        ?? derived.first { $0.name == name }.map {
                            ColumnSpec(name: $0.name, type: .number)
                        }
                    if known == nil {
                        valid = false
                        diagnostics.append(
                            unknownColumn(name, in: what, at: location, columns: columns.map(\.name)))
                    } else if columnsOfUnknownType.contains(name) {
                        valid = false
                    } else if counted.contains(name) {
                        if known?.type.isCategorical == false {
                            valid = false
                            diagnostics.append(
                                .error(
                                    "\(what): count(\(name)) counts the values of a category column, and '\(name)' is "
                                        + "\(known!.type.keywordWithArticle) column", at: location))
                        }
                    } else if let known, !known.type.isNumeric {
                        valid = false
                        let counting =
                            known.type.isCategorical ? "; write count(\(name)) to count its values" : ""
                        diagnostics.append(
                            .error(
                                "\(what) uses '\(name)', which is \(known.type.keywordWithArticle) column; arithmetic needs "
                                    + "numeric columns\(counting)", at: location))
                    }
                }
                if columns.contains(where: { $0.name == pair.key }) {
                    valid = false
                    diagnostics.append(.error("\(what) has the name of a sheet column", at: location))
                }
                if valid {
                    derived.append(
                        DerivedColumn(
                            name: pair.key, label: label ?? pair.key, formula: formula,
                            formulaText: formulaText,
                            line: location.line ?? 0))
                }
            }
        }
        return derived
    }

    private mutating func decodeSubsets(_ node: Node?, columns: [ColumnSpec]) -> [SubsetSpec] {
        guard let node else { return [] }
        guard let fields = YAMLFields(node, file: file, what: "'subsets'", diagnostics: &diagnostics) else {
            return []
        }
        var subsets: [SubsetSpec] = []
        for pair in fields.pairs {
            let what = "subset '\(pair.key)'"
            var whereText: String?
            var label: String?
            if case .scalar(let scalar) = pair.value {
                whereText = scalar.string
            } else if var inner = YAMLFields(pair.value, file: file, what: what, diagnostics: &diagnostics) {
                whereText = inner.requiredString("where", in: what, &diagnostics)
                label = inner.string("label", &diagnostics)
                inner.reportUnknownKeys(in: what, &diagnostics)
            }
            guard let whereText else { continue }
            let location = fields.location(of: pair.value)
            switch Condition.parse(whereText) {
            case .failure(let error):
                diagnostics.append(.error("\(what): \(error.message)", at: location))
            case .success(let condition):
                var valid = true
                for clause in condition.clauses {
                    guard let column = columns.first(where: { $0.name == clause.column }) else {
                        valid = false
                        diagnostics.append(
                            unknownColumn(clause.column, in: what, at: location, columns: columns.map(\.name))
                        )
                        continue
                    }
                    if columnsOfUnknownType.contains(column.name) { continue }
                    if let problem = Self.problem(with: clause, of: column) {
                        valid = false
                        diagnostics.append(.error("\(what): \(problem)", at: location))
                    }
                }
                if valid {
                    subsets.append(
                        SubsetSpec(
                            name: pair.key, label: label ?? pair.key, condition: condition,
                            line: location.line ?? 0))
                }
            }
        }
        return subsets
    }

    /// Why `clause` can never hold as written: a comparison the column's type cannot make, or a value
    /// the column cannot hold. Such a subset would silently be empty.
    static func problem(with clause: Condition.Clause, of column: ColumnSpec) -> String? {
        let type = column.type
        let ordered: Set<Condition.Operator> = [.atLeast, .atMost, .greater, .less]
        if type.isNumeric {
            if clause.op == .contains {
                return
                    "'contains' tests a text or multi-category column, and '\(column.name)' is \(type.keywordWithArticle) "
                    + "column; use ==, !=, <, <=, > or >="
            }
            if Double(clause.value) == nil {
                return
                    "'\(column.name)' is \(type.keywordWithArticle) column, so '\(clause.value)' should be a number "
                    + "(with \".\" as the decimal mark)"
            }
            return nil
        }
        if ordered.contains(clause.op) {
            return
                "'\(clause.op.rawValue)' compares numbers, and '\(column.name)' is \(type.keywordWithArticle) column; "
                + "use ==, != or contains"
        }
        let allowed = type.allowedValues
        if !allowed.isEmpty, !allowed.contains(clause.value), !column.notReported.contains(clause.value) {
            var message = "'\(clause.value)' is not one of the values of '\(column.name)'"
            if let suggestion = Suggestion.closest(to: clause.value, among: allowed + column.notReported) {
                message += "; did you mean '\(suggestion)'?"
            } else {
                message += " (" + allowed.joined(separator: ", ") + ")"
            }
            return message
        }
        return nil
    }

    func unknownColumn(
        _ name: String, in what: String, at location: SourceLocation, columns: [String]
    )
        -> Diagnostic
    {
        var message = "\(what) names the column '\(name)', which is not in the codebook"
        if let suggestion = Suggestion.closest(to: name, among: columns) {
            message += "; did you mean '\(suggestion)'?"
        }
        return .error(message, at: location)
    }

    // MARK: - presentation and excluded

    private mutating func decodePresentation(_ node: Node?) -> Presentation {
        var presentation = Presentation()
        guard let node,
            var fields = YAMLFields(node, file: file, what: "'presentation'", diagnostics: &diagnostics)
        else { return presentation }
        if let value = fields.int("percent_decimals", &diagnostics) { presentation.percentDecimals = value }
        if let value = fields.int("decimals", &diagnostics) { presentation.decimals = value }
        if let value = fields.double("p_value_floor", &diagnostics) { presentation.pValueFloor = value }
        if let value = fields.int("p_value_decimals", &diagnostics) { presentation.pValueDecimals = value }
        if let value = fields.int("max_table_rows", &diagnostics) {
            if value >= 1 {
                presentation.maxTableRows = value
            } else {
                diagnostics.append(.error("'max_table_rows' should be at least 1", at: fields.location))
            }
        }
        if let value = fields.double("alpha", &diagnostics) {
            if value > 0, value < 1 {
                presentation.alpha = value
            } else {
                diagnostics.append(.error("'alpha' should lie between 0 and 1", at: fields.location))
            }
        }
        for (key, value) in [
            ("percent_decimals", presentation.percentDecimals), ("decimals", presentation.decimals),
            ("p_value_decimals", presentation.pValueDecimals),
        ] where !(0...10).contains(value) {
            diagnostics.append(.error("'\(key)' should be between 0 and 10", at: fields.location))
        }
        fields.reportUnknownKeys(in: "'presentation'", &diagnostics)
        return presentation
    }

    /// `encoding: windows-1252` (CSV files only); UTF-8 when the key is absent.
    private mutating func decodeEncoding(_ fields: inout YAMLFields) -> TextEncoding {
        guard let node = fields.value("encoding") else { return .utf8 }
        let name = (node.string ?? "").lowercased()
        let aliases: [String: TextEncoding] = [
            "utf-8": .utf8, "utf8": .utf8, "windows-1252": .windows1252, "cp1252": .windows1252,
            "latin-1": .latin1, "latin1": .latin1, "iso-8859-1": .latin1,
        ]
        guard let encoding = aliases[name] else {
            diagnostics.append(
                .error(
                    "'encoding' should be one of "
                        + TextEncoding.allCases.map(\.rawValue).joined(separator: ", ")
                        + " (a file saved as \"CSV UTF-8\" needs no 'encoding')",
                    at: fields.location(of: node)))
            return .utf8
        }
        return encoding
    }

    /// `limits: {max_rows: 2000000, …}`: each a whole number from 1 to its ceiling.
    private mutating func decodeLimits(_ node: Node?) -> LimitSettings {
        var settings = LimitSettings()
        guard let node,
            var fields = YAMLFields(node, file: file, what: "'limits'", diagnostics: &diagnostics)
        else { return settings }
        for (key, field, ceiling) in LimitSettings.keys {
            guard let value = fields.int(key, &diagnostics) else { continue }
            guard (1...ceiling).contains(value) else {
                diagnostics.append(
                    .error(
                        "'\(key)' should lie between 1 and \(ceiling), not \(value)",
                        at: fields.location(of: fields.value(key) ?? node)))
                continue
            }
            settings[keyPath: field] = value
        }
        fields.reportUnknownKeys(in: "'limits'", &diagnostics)
        return settings
    }

    private mutating func decodeExcluded(_ node: Node?) -> ExcludedSource? {
        guard let node,
            var fields = YAMLFields(node, file: file, what: "'excluded'", diagnostics: &diagnostics)
        else { return nil }
        guard let path = fields.requiredString("file", in: "'excluded'", &diagnostics) else { return nil }
        var source = ExcludedSource(
            file: path, idColumn: fields.string("id", &diagnostics) ?? "id",
            reasonColumn: fields.string("reason", &diagnostics) ?? "reason")
        source.encoding = decodeEncoding(&fields)
        fields.reportUnknownKeys(in: "'excluded'", &diagnostics)
        return source
    }
}
