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
    /// The parts made from the review alone, when the caller started them before the synthesis.
    public var reviewParts: BackgroundWork<ReviewParts>?

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
        extraFigures: [ReportFigure] = [], extraTables: [ReportTable] = [],
        reviewParts: BackgroundWork<ReviewParts>? = nil
    ) {
        self.review = review
        self.results = results
        self.templates = templates
        self.build = build
        self.extraFigures = extraFigures
        self.extraTables = extraTables
        self.reviewParts = reviewParts
    }

    /// The PRISMA diagram and studies.json need the review but no results: a build starts them on
    /// the other core as soon as the review is loaded, while the synthesis runs.
    public static func startReviewParts(of review: Review) -> BackgroundWork<ReviewParts> {
        BackgroundWork { ReviewParts(review) }
    }

    /// The main template's name inside the templates folder.
    public static let mainTemplate = "report.md"

    public func render() -> Result<RenderedReport, DiagnosticsError> {
        let format = NumberFormat(review.config.presentation)
        // The charts need nothing from the rest of the render, which takes about as long: they are
        // made on the other core meanwhile, and the figures' SVG filled in at the end.
        let builder = FigureBuilder(review: review, results: results, format: format)
        let specs = review.config.synthesis.figures
        let charts = BackgroundWork { specs.map(builder.svg) }
        let reviewParts = reviewParts ?? Self.startReviewParts(of: review)
        var tables = extraTables + prismaTables(format) + makeTables(format)
        // The PRISMA diagram's SVG comes with the review's parts, at the end like the charts'.
        let prisma = review.config.prisma == nil ? [] : [Self.prismaFigure]
        var figures =
            extraFigures + prisma
            + specs.map { ReportFigure(name: $0.id, number: 0, caption: $0.caption, svg: "") }
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
        let parts = reviewParts.value
        if let svg = parts.prismaSVG { figures[extraFigures.count].svg = svg }
        let svgs = charts.value
        for (offset, svg) in svgs.enumerated() { figures[figures.count - svgs.count + offset].svg = svg }
        return .success(
            RenderedReport(
                markdown: markdown, tables: tables, figures: figures, values: results.values,
                studiesJSON: parts.studiesJSON))
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

    /// The flow diagram of the search and selection, when the config gives PRISMA counts; its SVG comes
    /// with the review's parts.
    private static let prismaFigure = ReportFigure(
        name: "prisma", number: 0, caption: "Flow diagram of the search and selection (PRISMA 2020).", svg: ""
    )

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

    /// The report folder's files but `index.html` and `manifest.json` (the publish stage's), in path
    /// order, each made when asked for, so that a large review's report (hundreds of MB) is never
    /// whole in memory, and so that two threads can make them.
    public consuming func pendingFiles() -> PendingFiles { PendingFiles(self) }
}

/// The files a `RenderedReport` becomes, by index in path order: `bytes(at:)` makes one, on any
/// thread. studies.json, the largest file, is made in the render already; its bytes are handed over
/// once and let go.
public final class PendingFiles: @unchecked Sendable {
    public let paths: [String]
    private let sources: [Source]
    private let report: RenderedReport
    // Guarded by `lock`: taken by the one `bytes(at:)` call that hands studies.json over.
    private var studiesJSON: [UInt8]?
    private let lock = NSLock()

    private enum Source {
        case markdown, results, studies
        case figure(Int)
        case table(Int, TableFormat)
    }
    private enum TableFormat { case markdown, csv, latex }

    fileprivate init(_ rendered: consuming RenderedReport) {
        studiesJSON = rendered.studiesJSON
        rendered.studiesJSON = []
        var sources: [(path: String, source: Source)] = [
            ("report.md", .markdown), ("results.json", .results), ("studies.json", .studies),
        ]
        for (index, figure) in rendered.figures.enumerated() {
            sources.append(("figures/\(figure.name).svg", .figure(index)))
        }
        for (index, table) in rendered.tables.enumerated() {
            sources.append(("tables/\(table.name).md", .table(index, .markdown)))
            sources.append(("tables/\(table.name).csv", .table(index, .csv)))
            sources.append(("tables/\(table.name).tex", .table(index, .latex)))
        }
        sources.sort { $0.path < $1.path }
        paths = sources.map(\.path)
        self.sources = sources.map(\.source)
        report = rendered
    }

    /// The bytes of the file at `paths[index]`. Call once per index.
    public func bytes(at index: Int) -> [UInt8] {
        switch sources[index] {
        case .markdown: return Array(report.markdown.utf8)
        case .results: return Array(ResultsJSON.encode(report.values).utf8)
        case .studies:
            lock.lock()
            defer { lock.unlock() }
            let bytes = studiesJSON ?? []
            studiesJSON = nil
            return bytes
        case .figure(let index): return Array(report.figures[index].svg.utf8)
        case .table(let index, .markdown): return Array(TableWriters.markdown(report.tables[index]).utf8)
        case .table(let index, .csv): return Array(TableWriters.csv(report.tables[index]).utf8)
        case .table(let index, .latex): return Array(TableWriters.latex(report.tables[index]).utf8)
        }
    }
}

/// The report's parts made from the review alone, before or while its results are computed.
public struct ReviewParts: Sendable {
    /// The flow diagram of the search and selection, when the config gives PRISMA counts.
    public var prismaSVG: String?
    /// `studies.json`, as bytes: for a large review it is the largest file of the report.
    public var studiesJSON: [UInt8]

    public init(_ review: Review) {
        prismaSVG = review.config.prisma?.svg(id: "fig-prisma")
        studiesJSON = StudiesJSON.encode(review)
    }
}
