import Foundation
import ScopeDiagnostics
import ScopeLoad
import ScopeSynthesis
import ScopeSystem

/// Stage 3 of the pipeline: turns the results into the report's files: `report.md` from the
/// templates, `results.json`, `figures/*.svg` and `tables/*.md|csv|tex`.
public struct ReportRenderer: Sendable {
    public var review: Review
    public var results: SynthesisResults
    public var templates: TemplateRenderer
    public var build: BuildInfo
    /// Extra figures and tables made by other modules (the PRISMA diagram), inserted like the rest.
    public var extraFigures: [ReportFigure]
    public var extraTables: [ReportTable]

    public struct BuildInfo: Sendable {
        public var version: String
        /// From SOURCE_DATE_EPOCH (YYYY-MM-DD, UTC), or empty: the report shows no other date.
        public var date: String
        /// A SHA-256 over the data folder's files, shown in the footer.
        public var dataFingerprint: String

        public init(version: String, date: String, dataFingerprint: String) {
            self.version = version
            self.date = date
            self.dataFingerprint = dataFingerprint
        }
    }

    public init(
        review: Review, results: SynthesisResults, templates: TemplateRenderer, build: BuildInfo,
        extraFigures: [ReportFigure] = [], extraTables: [ReportTable] = []
    ) {
        self.review = review
        self.results = results
        self.templates = templates
        self.build = build
        self.extraFigures = extraFigures
        self.extraTables = extraTables
    }

    private func tablesAndFigures(_ format: NumberFormat) -> ([ReportTable], [ReportFigure]) {
        let builder = FigureBuilder(review: review, results: results, format: format)
        var figures = extraFigures + prismaFigure()
        for spec in review.config.synthesis.figures {
            figures.append(
                ReportFigure(name: spec.id, number: 0, caption: spec.caption, svg: builder.svg(spec)))
        }
        return (extraTables + prismaTables(format) + makeTables(format), figures)
    }

    /// Every name the templates may use, one per line, sorted: `{{name}}` for a value, and for a list
    /// `{{#name}}` with the names of its items (`scopereport placeholders`).
    public func placeholderNames() -> [String] {
        let format = NumberFormat(review.config.presentation)
        let (tables, figures) = tablesAndFigures(format)
        let context = ReportContext(review: review, results: results, format: format, build: build)
            .make(tables: tables, figures: figures)
        return context.values.keys.sorted().map { name in
            guard case .list(let items) = context.values[name]! else { return "{{\(name)}}" }
            let inner = Set(items.flatMap(\.values.keys)).sorted().map { "{{\($0)}}" }
            return (["{{#\(name)}}"] + inner + ["{{/\(name)}}"]).joined(separator: " ")
        }
    }

    /// The main template's name inside the templates folder.
    public static let mainTemplate = "report.md"

    public func render() -> Result<RenderedReport, DiagnosticsError> {
        // studies.json is a large review's largest file (over 150 MB for 100,000 studies): it is
        // encoded on the other core while the page is rendered.
        let (page, studies) = ParallelMap.both(
            parallel: review.studyCount >= 10_000, { renderPage() }, { StudiesJSON.encode(review) })
        return page.map { page in
            var report = page
            report.studiesJSON = studies
            return report
        }
    }

    /// Everything but studies.json.
    private func renderPage() -> Result<RenderedReport, DiagnosticsError> {
        let format = NumberFormat(review.config.presentation)
        var (tables, figures) = tablesAndFigures(format)
        let contexts = ReportContext(review: review, results: results, format: format, build: build)
        // Each study's item holds only the names some template uses (7 of 35 columns in the default
        // review): for 100,000 studies, formatting every cell cost seconds and gigabytes. Only when
        // rendering fails does it run again with every name, so that "did you mean" stays as complete.
        let parsed = templates.parseReachable(from: Self.mainTemplate)
        let used = TemplateRenderer.referencedNames(in: parsed)
        let rendered: String
        switch templates.render(
            Self.mainTemplate, context: contexts.make(tables: tables, figures: figures, studyNames: used),
            parsed: parsed)
        {
        case .success(let text): rendered = text
        case .failure:
            switch templates.render(
                Self.mainTemplate, context: contexts.make(tables: tables, figures: figures), parsed: parsed)
            {
            case .success(let text): rendered = text
            case .failure(let error): return .failure(error)
            }
        }
        let numbering = Numbering(
            markdown: rendered, tables: tables.map(\.name), figures: figures.map(\.name))
        for index in tables.indices { tables[index].number = numbering.tables[tables[index].name]! }
        for index in figures.indices { figures[index].number = numbering.figures[figures[index].name]! }
        let markdown = numbering.resolve(
            rendered, tables: tables, figures: figures,
            maxTableRowsOnPage: review.config.presentation.maxTableRows)
        return .success(
            RenderedReport(
                markdown: markdown, tables: tables, figures: figures, values: results.values,
                studiesJSON: [], maxTableRowsOnPage: review.config.presentation.maxTableRows))
    }

    private func makeTables(_ format: NumberFormat) -> [ReportTable] {
        let builder = TableBuilder(format: format, review: review)
        var tables = results.frequencies.map(builder.frequency) + results.crosstabs.map(builder.crosstab)
        if !results.summaries.isEmpty { tables.append(builder.descriptives(results.summaries)) }
        tables += results.correlations.map(builder.correlation)
        if let spec = review.config.synthesis.studyTable { tables.append(builder.studies(spec)) }
        if !review.excluded.isEmpty { tables.append(builder.excluded()) }
        if !results.claims.isEmpty { tables.append(builder.claims(results.claims)) }
        return tables
    }

    /// The flow diagram of the search and selection, when the config gives PRISMA counts.
    private func prismaFigure() -> [ReportFigure] {
        guard let flow = review.config.prisma else { return [] }
        return [
            ReportFigure(
                name: "prisma", number: 0, caption: "Flow diagram of the search and selection (PRISMA 2020).",
                svg: flow.svg(id: "fig-prisma"))
        ]
    }

    private func prismaTables(_ format: NumberFormat) -> [ReportTable] {
        guard let flow = review.config.prisma else { return [] }
        return [
            ReportTable(
                name: "prisma", number: 0, title: "Counts of the flow diagram (PRISMA 2020)",
                columns: [.init("Box"), .init("n", .right)],
                rows: flow.tableRows.map { [.text($0.box), .text(format.grouped($0.count))] }, notes: [])
        ]
    }

}

/// What the render stage produced, ready for publishing.
public struct RenderedReport: Sendable {
    public var markdown: String
    public var tables: [ReportTable]
    public var figures: [ReportFigure]
    public var values: ResultValues
    /// `studies.json`, as bytes: for a large review it is the largest file of the report.
    public var studiesJSON: [UInt8]
    /// A table with more rows is not inlined in the page, nor in tables.docx.
    public var maxTableRowsOnPage: Int

    /// Hands each of the report folder's files but `index.html` and `manifest.json` (the publish
    /// stage's) to `body`, in path order. studies.json, a large review's largest file, is let go of once
    /// handed over.
    public consuming func forEachFile(_ body: (_ path: String, _ bytes: [UInt8]) throws -> Void) throws {
        enum Source: Sendable {
            case markdown, results, studies, wordTables
            case figure(ReportFigure)
            case markdownTable(ReportTable), csvTable(ReportTable), latexTable(ReportTable)
        }
        var paths: [(path: String, source: Source)] = [
            ("report.md", .markdown), ("results.json", .results), ("studies.json", .studies),
            ("tables.docx", .wordTables),
        ]
        for figure in figures { paths.append(("figures/\(figure.name).svg", .figure(figure))) }
        for table in tables {
            paths.append(("tables/\(table.name).md", .markdownTable(table)))
            paths.append(("tables/\(table.name).csv", .csvTable(table)))
            paths.append(("tables/\(table.name).tex", .latexTable(table)))
        }
        let sources = paths.sorted { $0.path < $1.path }
        let (markdown, values, tables, maxRows) = (markdown, values, tables, maxTableRowsOnPage)
        // The tables of a large review take a second to write out one after another: they are made on
        // every core (tens of MB in all), then handed over in path order.
        let large = tables.reduce(0) { $0 + $1.rows.count } >= 10_000
        let made = ParallelMap.map(sources.count, parallel: large) { index -> Result<[UInt8], any Error> in
            Result {
                switch sources[index].source {
                case .markdown: Array(markdown.utf8)
                case .wordTables: try WordTables.docx(tables, maxTableRowsOnPage: maxRows)
                case .results: Array(ResultsJSON.encode(values).utf8)
                case .studies: []
                case .figure(let figure): Array(figure.svg.utf8)
                case .markdownTable(let table): Array(TableWriters.markdown(table).utf8)
                case .csvTable(let table): Array(TableWriters.csv(table).utf8)
                case .latexTable(let table): Array(TableWriters.latex(table).utf8)
                }
            }
        }
        for (index, (path, source)) in sources.enumerated() {
            if case .studies = source {
                try body(path, studiesJSON)
                studiesJSON = []
            } else {
                try body(path, made[index].get())
            }
        }
    }
}
