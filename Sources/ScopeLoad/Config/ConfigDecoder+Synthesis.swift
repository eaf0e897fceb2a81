import ScopeDiagnostics
import Yams

/// The `synthesis:` section: which tables, statistics and figures to make, checked against the codebook.
extension ConfigDecoder {
    mutating func decodeSynthesis(_ node: Node?, columns: [ColumnSpec], subsets: [String]) -> SynthesisSpec {
        var spec = SynthesisSpec()
        guard let node,
            var fields = YAMLFields(node, file: file, what: "'synthesis'", diagnostics: &diagnostics)
        else { return spec }
        var context = Context(columns: columns, subsets: subsets)
        for node in list(fields.value("frequencies"), "frequencies") {
            if let item = decodeFrequency(node, &context) { spec.frequencies.append(item) }
        }
        for node in list(fields.value("crosstabs"), "crosstabs") {
            if let item = decodeCrosstab(node, &context) { spec.crosstabs.append(item) }
        }
        for node in list(fields.value("descriptives"), "descriptives") {
            if let item = decodeDescriptive(node, &context) { spec.descriptives.append(item) }
        }
        for node in list(fields.value("correlations"), "correlations") {
            if let item = decodeCorrelation(node, &context) { spec.correlations.append(item) }
        }
        for node in list(fields.value("figures"), "figures") {
            if let item = decodeFigure(node, &context) { spec.figures.append(item) }
        }
        if let tableNode = fields.value("study_table") {
            spec.studyTable = decodeStudyTable(tableNode, &context)
        }
        fields.reportUnknownKeys(in: "'synthesis'", &diagnostics)
        return spec
    }

    /// What earlier entries declared, so later ones can refer to them.
    struct Context {
        var columns: [ColumnSpec]
        var subsets: [String]
        var frequencies: Set<String> = []
        var crosstabs: Set<String> = []
        var correlations: Set<String> = []
        /// Tables (frequencies, cross-tabulations, correlations) and figures name files in different
        /// folders, so each kind has its own set of ids.
        var tableIDs: Set<String> = []
        var figureIDs: Set<String> = []
    }

    private mutating func list(_ node: Node?, _ key: String) -> [Node] {
        guard let node else { return [] }
        guard let sequence = node.sequence else {
            diagnostics.append(.error("'\(key)' should be a list", at: YAMLFields.location(node, file)))
            return []
        }
        return Array(sequence)
    }

    private mutating func column(
        _ fields: inout YAMLFields, _ key: String, in what: String, _ context: Context,
        accept: (ColumnType) -> Bool, kind: String
    ) -> String? {
        guard let name = fields.requiredString(key, in: what, &diagnostics) else { return nil }
        let location = fields.location(of: fields.value(key)!)
        guard let column = context.columns.first(where: { $0.name == name }) else {
            diagnostics.append(
                unknownColumn(name, in: what, at: location, columns: context.columns.map(\.name)))
            return nil
        }
        guard accept(column.type) || columnsOfUnknownType.contains(name) else {
            diagnostics.append(
                .error(
                    "\(what): '\(name)' is \(column.type.keywordWithArticle) column; \(kind) is needed",
                    at: location))
            return nil
        }
        return name
    }

    /// The texts of a one-name-or-list entry, each with its own place so that a message points at it.
    private mutating func namesWithLocations(_ node: Node?, key: String) -> [(String, SourceLocation)] {
        guard let node else { return [] }
        if case .scalar(let scalar) = node { return [(scalar.string, YAMLFields.location(node, file))] }
        guard let sequence = node.sequence else {
            diagnostics.append(.error("'\(key)' should be a list", at: YAMLFields.location(node, file)))
            return []
        }
        var names: [(String, SourceLocation)] = []
        for item in sequence {
            guard case .scalar(let scalar) = item else {
                diagnostics.append(
                    .error(
                        "each entry of '\(key)' should be a single text value",
                        at: YAMLFields.location(item, file)))
                continue
            }
            names.append((scalar.string, YAMLFields.location(item, file)))
        }
        return names
    }

    private mutating func subset(_ fields: inout YAMLFields, in what: String, _ context: Context) -> String? {
        guard let name = fields.string("subset", &diagnostics) else { return nil }
        if !context.subsets.contains(name) {
            var message = "\(what) names the subset '\(name)', which is not defined under 'subsets'"
            if let suggestion = Suggestion.closest(to: name, among: context.subsets) {
                message += "; did you mean '\(suggestion)'?"
            }
            diagnostics.append(.error(message, at: fields.location(of: fields.value("subset")!)))
        }
        return name
    }

    private mutating func uniqueID(
        _ fields: inout YAMLFields, in what: String, _ context: inout Context, figure: Bool = false
    ) -> String? {
        guard let id = fields.requiredString("id", in: what, &diagnostics) else { return nil }
        let location = fields.location(of: fields.value("id")!)
        guard id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }),
            !id.isEmpty
        else {
            diagnostics.append(
                .error(
                    "\(what): id '\(id)' may hold only letters, digits, '-' and '_' (it names files)",
                    at: location))
            return nil
        }
        let inserted = figure ? context.figureIDs.insert(id).inserted : context.tableIDs.insert(id).inserted
        guard inserted else {
            let kind = figure ? "figure" : "table"
            diagnostics.append(
                .error(
                    "\(what): the id '\(id)' is already used by another \(kind); ids name the output files, so each "
                        + "\(kind) needs its own", at: location))
            return nil
        }
        return id
    }

    private mutating func decodeFrequency(_ node: Node, _ context: inout Context) -> FrequencySpec? {
        let what = "frequency table"
        guard var fields = YAMLFields(node, file: file, what: what, diagnostics: &diagnostics) else {
            return nil
        }
        let id = uniqueID(&fields, in: what, &context)
        let name = column(
            &fields, "column", in: what, context, accept: { $0.isCategorical || $0.isNumeric || $0 == .text },
            kind: "a category, numeric or text column")
        var spec = FrequencySpec(id: id ?? "", column: name ?? "")
        spec.subset = subset(&fields, in: what, context)
        spec.title = fields.string("title", &diagnostics)
        spec.continuous = fields.bool("continuous", &diagnostics) ?? false
        if let orderNode = fields.value("order") {
            if let order = orderNode.string.flatMap(FrequencySpec.Order.init(rawValue:)) {
                spec.order = order
            } else {
                diagnostics.append(
                    .error("'order' should be count or codebook", at: fields.location(of: orderNode)))
            }
        }
        fields.reportUnknownKeys(in: what, &diagnostics)
        guard let id, name != nil else { return nil }
        context.frequencies.insert(id)
        return spec
    }

    private mutating func decodeCrosstab(_ node: Node, _ context: inout Context) -> CrosstabSpec? {
        let what = "cross-tabulation"
        guard var fields = YAMLFields(node, file: file, what: what, diagnostics: &diagnostics) else {
            return nil
        }
        let id = uniqueID(&fields, in: what, &context)
        let accept: (ColumnType) -> Bool = { $0.isCategorical || $0 == .year }
        let rows = column(&fields, "rows", in: what, context, accept: accept, kind: "a categorical column")
        let columns = column(
            &fields, "columns", in: what, context, accept: accept, kind: "a categorical column")
        let subsetName = subset(&fields, in: what, context)
        let title = fields.string("title", &diagnostics)
        fields.reportUnknownKeys(in: what, &diagnostics)
        guard let id, let rows, let columns else { return nil }
        context.crosstabs.insert(id)
        return CrosstabSpec(id: id, rows: rows, columns: columns, subset: subsetName, title: title)
    }

    private mutating func decodeDescriptive(_ node: Node, _ context: inout Context) -> DescriptiveSpec? {
        let what = "descriptive statistics"
        if case .scalar(let scalar) = node {
            let name = scalar.string
            guard let spec = context.columns.first(where: { $0.name == name }) else {
                diagnostics.append(
                    unknownColumn(
                        name, in: what, at: YAMLFields.location(node, file),
                        columns: context.columns.map(\.name)))
                return nil
            }
            guard spec.type.isNumeric || columnsOfUnknownType.contains(name) else {
                diagnostics.append(
                    .error("\(what): '\(name)' is not a numeric column", at: YAMLFields.location(node, file)))
                return nil
            }
            return DescriptiveSpec(column: name)
        }
        guard var fields = YAMLFields(node, file: file, what: what, diagnostics: &diagnostics) else {
            return nil
        }
        let name = column(&fields, "column", in: what, context, accept: \.isNumeric, kind: "a numeric column")
        let subsetName = subset(&fields, in: what, context)
        fields.reportUnknownKeys(in: what, &diagnostics)
        return name.map { DescriptiveSpec(column: $0, subset: subsetName) }
    }

    private mutating func decodeCorrelation(_ node: Node, _ context: inout Context) -> CorrelationSpec? {
        let what = "correlation"
        guard var fields = YAMLFields(node, file: file, what: what, diagnostics: &diagnostics) else {
            return nil
        }
        let id = uniqueID(&fields, in: what, &context)
        let x = column(&fields, "x", in: what, context, accept: \.isNumeric, kind: "a numeric column")
        var ys: [String] = []
        if let yNode = fields.value("y") {
            for (name, location) in namesWithLocations(yNode, key: "y") {
                guard let spec = context.columns.first(where: { $0.name == name }) else {
                    diagnostics.append(
                        unknownColumn(name, in: what, at: location, columns: context.columns.map(\.name)))
                    continue
                }
                if spec.type.isNumeric || columnsOfUnknownType.contains(name) {
                    ys.append(name)
                } else {
                    diagnostics.append(
                        .error(
                            "\(what): '\(name)' is \(spec.type.keywordWithArticle) column; a numeric column is needed",
                            at: location))
                }
            }
        } else {
            diagnostics.append(.error("\(what) needs 'y' (one column or a list)", at: fields.location))
        }
        let subsetName = subset(&fields, in: what, context)
        let title = fields.string("title", &diagnostics)
        fields.reportUnknownKeys(in: what, &diagnostics)
        guard let id, let x, !ys.isEmpty else { return nil }
        context.correlations.insert(id)
        return CorrelationSpec(id: id, title: title, x: x, ys: ys, subset: subsetName)
    }

    private mutating func decodeFigure(_ node: Node, _ context: inout Context) -> FigureSpec? {
        let what = "figure"
        guard var fields = YAMLFields(node, file: file, what: what, diagnostics: &diagnostics) else {
            return nil
        }
        let id = uniqueID(&fields, in: what, &context, figure: true)
        let kindName = fields.requiredString("kind", in: what, &diagnostics)
        let kind = kindName.flatMap(FigureSpec.Kind.init(rawValue:))
        if let kindName, kind == nil {
            diagnostics.append(
                .error(
                    "figure kind '\(kindName)' is unknown; use one of "
                        + FigureSpec.Kind.allCases.map(\.rawValue).joined(separator: ", "),
                    at: fields.location(of: fields.value("kind")!)))
        }
        let source = fields.requiredString("source", in: what, &diagnostics)
        let caption = fields.requiredString("caption", in: what, &diagnostics)
        if let kind, let source {
            let location = fields.location(of: fields.value("source")!)
            let (known, kindOfSource): (Bool, String) =
                switch kind {
                case .bars, .hbars: (context.frequencies.contains(source), "frequency table")
                case .stacked, .heatmap: (context.crosstabs.contains(source), "cross-tabulation")
                case .scatter: (context.correlations.contains(source), "correlation")
                case .box:
                    (context.columns.contains { $0.name == source && $0.type.isNumeric }, "numeric column")
                }
            if !known {
                let candidates: [String] =
                    switch kind {
                    case .bars, .hbars: context.frequencies.sorted()
                    case .stacked, .heatmap: context.crosstabs.sorted()
                    case .scatter: context.correlations.sorted()
                    case .box: context.columns.filter { $0.type.isNumeric }.map(\.name)
                    }
                var message =
                    "a \(kind.rawValue) figure draws a \(kindOfSource), and no \(kindOfSource) is named '\(source)'"
                if let suggestion = Suggestion.closest(to: source, among: candidates) {
                    message += "; did you mean '\(suggestion)'?"
                } else if kind == .box {
                    message += "; name a numeric column of the codebook"
                } else {
                    message += "; declare it under 'synthesis' (the figure's source is its id)"
                }
                diagnostics.append(.error(message, at: location))
            }
        }
        let logScale = fields.bool("log_scale", &diagnostics) ?? false
        let top = fields.int("top", &diagnostics)
        fields.reportUnknownKeys(in: what, &diagnostics)
        guard let id, let kind, let source, let caption else { return nil }
        return FigureSpec(
            id: id, kind: kind, source: source, caption: caption, logScale: logScale, top: top,
            line: fields.location.line ?? 0)
    }

    private mutating func decodeStudyTable(_ node: Node, _ context: inout Context) -> StudyTableSpec? {
        let what = "'study_table'"
        guard var fields = YAMLFields(node, file: file, what: what, diagnostics: &diagnostics) else {
            return nil
        }
        var columns: [String] = []
        for (name, location) in namesWithLocations(fields.value("columns"), key: "columns") {
            if context.columns.contains(where: { $0.name == name }) {
                columns.append(name)
            } else {
                diagnostics.append(
                    unknownColumn(name, in: what, at: location, columns: context.columns.map(\.name)))
            }
        }
        let link = fields.string("link", &diagnostics)
        if let link,
            !context.columns.contains(where: { $0.name == link && ($0.type == .doi || $0.type == .url) })
        {
            let links = context.columns.filter { $0.type == .doi || $0.type == .url }.map(\.name)
            diagnostics.append(
                .error(
                    "\(what): 'link' names '\(link)', which is not a doi or url column"
                        + (links.isEmpty ? "" : " (" + links.joined(separator: ", ") + ")"),
                    at: fields.location(of: fields.value("link")!)))
        }
        let title = fields.string("title", &diagnostics)
        fields.reportUnknownKeys(in: what, &diagnostics)
        return StudyTableSpec(columns: columns, link: link, title: title)
    }
}
