import Foundation
import ScopeDiagnostics
import ScopeLoad
import ScopeSynthesis

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

    /// The main template's name inside the templates folder.
    public static let mainTemplate = "report.md"

    public func render() -> Result<RenderedReport, DiagnosticsError> {
        let format = NumberFormat(review.config.presentation)
        var tables = extraTables + prismaTables(format) + makeTables(format)
        var figures = extraFigures + prismaFigures() + makeFigures(format)
        let context = ReportContext(review: review, results: results, format: format, build: build)
            .make(tables: tables, figures: figures)
        let rendered: String
        switch templates.render(Self.mainTemplate, context: context) {
        case .success(let text): rendered = text
        case .failure(let error): return .failure(error)
        }
        let numbering = Numbering(markdown: rendered, tables: tables.map(\.name), figures: figures.map(\.name))
        for index in tables.indices { tables[index].number = numbering.tables[tables[index].name]! }
        for index in figures.indices { figures[index].number = numbering.figures[figures[index].name]! }
        let markdown = numbering.resolve(rendered, tables: tables, figures: figures)
        return .success(
            RenderedReport(
                markdown: markdown, tables: tables, figures: figures, values: results.values,
                studiesJSON: StudiesJSON.encode(review)))
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
    private func prismaFigures() -> [ReportFigure] {
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

    private func makeFigures(_ format: NumberFormat) -> [ReportFigure] {
        let builder = FigureBuilder(review: review, results: results, format: format)
        return review.config.synthesis.figures.map(builder.figure)
    }
}

/// What the render stage produced, ready for publishing.
public struct RenderedReport: Sendable {
    public var markdown: String
    public var tables: [ReportTable]
    public var figures: [ReportFigure]
    public var values: ResultValues
    public var studiesJSON: String

    /// Every file of the report folder except `index.html` and `manifest.json` (the publish stage's).
    public var files: [(path: String, bytes: [UInt8])] {
        var files: [(String, [UInt8])] = [
            ("report.md", Array(markdown.utf8)), ("results.json", Array(ResultsJSON.encode(values).utf8)),
            ("studies.json", Array(studiesJSON.utf8)),
        ]
        for figure in figures { files.append(("figures/\(figure.name).svg", Array(figure.svg.utf8))) }
        for table in tables {
            files.append(("tables/\(table.name).md", Array(TableWriters.markdown(table).utf8)))
            files.append(("tables/\(table.name).csv", Array(TableWriters.csv(table).utf8)))
            files.append(("tables/\(table.name).tex", Array(TableWriters.latex(table).utf8)))
        }
        return files.sorted { $0.0 < $1.0 }
    }
}
