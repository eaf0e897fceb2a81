import ScopeDiagnostics
import Yams

/// Turns the review's YAML config into a `ReviewConfig`, reporting every problem at its line.
struct ConfigDecoder {
    let file: String
    var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    /// The decoded config, or nil when errors make it unusable (they are in `diagnostics`).
    mutating func decode(_ text: String) -> (config: ReviewConfig, root: YAMLFields)? {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                diagnostics.append(.error("the config file is empty", at: SourceLocation(file: file, line: 1)))
                return nil
            }
            root = node
        } catch let error as YamlError {
            diagnostics.append(Self.diagnostic(for: error, file: file))
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
        // `prisma` and `claims` are read by their own decoders; mark them known here.
        _ = fields.value("prisma")
        _ = fields.value("claims")
        fields.reportUnknownKeys(in: "the config", &diagnostics)
        guard let metadata, let sheet else { return nil }
        let config = ReviewConfig(
            metadata: metadata, sheet: sheet, columns: columns, derived: derived, subsets: subsets,
            synthesis: synthesis, presentation: presentation, excluded: excluded)
        return (config, fields)
    }

    static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return .error(
                "the config is not valid YAML: \(what)",
                at: SourceLocation(file: file, line: mark.line, column: mark.column))
        default:
            return .error("the config is not valid YAML: \(error)", at: SourceLocation(file: file))
        }
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
        for pair in fields.pairs where !["title", "authors", "question", "eligibility", "search_date",
            "databases", "data_notice"].contains(pair.key) {
            if case .scalar(let scalar) = pair.value {
                metadata.extra[pair.key] = scalar.string
            } else {
                diagnostics.append(
                    .error("metadata '\(pair.key)' should be a single text value", at: fields.location(of: pair.value)))
            }
        }
        return metadata
    }

    // MARK: - sheet

    private mutating func decodeSheet(_ node: Node?, _ parent: YAMLFields, columnNames: [String]) -> SheetSource? {
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
                diagnostics.append(.error("'decimal_mark' should be \".\" or \",\"", at: fields.location(of: markNode)))
            }
        }
        if !columnNames.isEmpty, !columnNames.contains(idColumn) {
            diagnostics.append(
                .error(
                    "the id column '\(idColumn)' is not in the codebook's columns",
                    at: fields.location(of: fields.value("id") ?? node)))
        }
        fields.reportUnknownKeys(in: "'sheet'", &diagnostics)
        return path == nil ? nil : source
    }

    // MARK: - columns (the codebook)

    private mutating func decodeColumns(_ node: Node?, _ parent: YAMLFields) -> [ColumnSpec] {
        guard let node else {
            diagnostics.append(missing("columns", parent))
            return []
        }
        guard let columnsFields = YAMLFields(node, file: file, what: "'columns'", diagnostics: &diagnostics) else {
            return []
        }
        var columns: [ColumnSpec] = []
        for pair in columnsFields.pairs {
            if let column = decodeColumn(name: pair.key, pair.value) { columns.append(column) }
        }
        return columns
    }

    private mutating func decodeColumn(name: String, _ node: Node) -> ColumnSpec? {
        // `year: year` is shorthand for `year: {type: year}`.
        if case .scalar(let scalar) = node {
            guard let type = simpleType(scalar.string, at: node) else { return nil }
            var column = ColumnSpec(name: name, type: type)
            column.definedAt = node.mark?.line
            return column
        }
        let what = "column '\(name)'"
        guard var fields = YAMLFields(node, file: file, what: what, diagnostics: &diagnostics) else { return nil }
        guard let typeName = fields.requiredString("type", in: what, &diagnostics) else { return nil }
        let values = fields.strings("values", &diagnostics) ?? []
        let separator = fields.string("separator", &diagnostics) ?? ";"
        let type: ColumnType?
        switch typeName {
        case "category": type = .category(values: values)
        case "multi-category":
            if separator.isEmpty {
                diagnostics.append(.error("'separator' of \(what) may not be empty", at: fields.location))
            }
            type = .multiCategory(values: values, separator: separator.isEmpty ? ";" : separator)
        default: type = simpleType(typeName, at: fields.value("type") ?? node)
        }
        var column = ColumnSpec(
            name: name, type: type ?? .text, required: fields.bool("required", &diagnostics) ?? false,
            label: fields.string("label", &diagnostics),
            notReported: fields.strings("not_reported", &diagnostics) ?? [])
        column.needs = fields.strings("needs", &diagnostics) ?? []
        column.definedAt = node.mark?.line
        if !values.isEmpty, type?.isCategorical == false {
            diagnostics.append(
                .error("'values' only applies to category columns, not to \(typeName)", at: fields.location))
        }
        fields.reportUnknownKeys(in: what, &diagnostics)
        if column.label.isEmpty { column.label = name }
        return type == nil ? nil : column
    }

    private mutating func simpleType(_ name: String, at node: Node) -> ColumnType? {
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
            var message = "unknown column type '\(name)'"
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
                for name in formula.columns {
                    let known = columns.first { $0.name == name } ?? derived.first { $0.name == name }.map {
                        ColumnSpec(name: $0.name, type: .number)
                    }
                    if known == nil {
                        valid = false
                        diagnostics.append(unknownColumn(name, in: what, at: location, columns: columns.map(\.name)))
                    } else if known?.type.isNumeric == false, !formula.countedColumns.contains(name) {
                        valid = false
                        diagnostics.append(
                            .error("\(what) uses '\(name)', which is not a numeric column", at: location))
                    }
                }
                if columns.contains(where: { $0.name == pair.key }) {
                    valid = false
                    diagnostics.append(.error("\(what) has the name of a sheet column", at: location))
                }
                if valid {
                    derived.append(
                        DerivedColumn(
                            name: pair.key, label: label ?? pair.key, formula: formula, formulaText: formulaText,
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
                            unknownColumn(clause.column, in: what, at: location, columns: columns.map(\.name)))
                        continue
                    }
                    let allowed = column.type.allowedValues
                    if !allowed.isEmpty, !allowed.contains(clause.value), !column.notReported.contains(clause.value) {
                        valid = false
                        var message = "\(what) tests \(clause.column) for '\(clause.value)', which is not one of its values"
                        if let suggestion = Suggestion.closest(to: clause.value, among: allowed) {
                            message += "; did you mean '\(suggestion)'?"
                        }
                        diagnostics.append(.error(message, at: location))
                    }
                }
                if valid {
                    subsets.append(
                        SubsetSpec(
                            name: pair.key, label: label ?? pair.key, condition: condition, line: location.line ?? 0))
                }
            }
        }
        return subsets
    }

    func unknownColumn(_ name: String, in what: String, at location: SourceLocation, columns: [String])
        -> Diagnostic
    {
        var message = "\(what) names the column '\(name)', which is not in the codebook"
        if let suggestion = Suggestion.closest(to: name, among: columns) { message += "; did you mean '\(suggestion)'?" }
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

    private mutating func decodeExcluded(_ node: Node?) -> ExcludedSource? {
        guard let node, var fields = YAMLFields(node, file: file, what: "'excluded'", diagnostics: &diagnostics)
        else { return nil }
        guard let path = fields.requiredString("file", in: "'excluded'", &diagnostics) else { return nil }
        let source = ExcludedSource(
            file: path, idColumn: fields.string("id", &diagnostics) ?? "id",
            reasonColumn: fields.string("reason", &diagnostics) ?? "reason")
        fields.reportUnknownKeys(in: "'excluded'", &diagnostics)
        return source
    }
}
