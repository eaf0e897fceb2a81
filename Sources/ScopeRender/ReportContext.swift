import ScopeLoad
import ScopeSynthesis

/// The names a report template can use:
/// - every result key of `results.json`, formatted by the presentation rules (`{{studies.count}}`);
/// - `metadata.*` from the config, and the list `eligibility` (each item: `criterion`);
/// - `tables.NAME` / `figures.NAME` (the numbered block) and `tables.NAME.number` / `figures.NAME.number`;
/// - the list `studies`: per study every column by name (blank = empty), and `COLUMN.link` for DOI and
///   URL columns (an https link, or empty); the flag `studies.listed`, false when there are more studies
///   than `presentation.max_table_rows` (a reference list should then name its files instead, as a
///   table that long does);
/// - the list `excluded_studies`: every column of the excluded list;
/// - `subsets.NAME.label`, `build.version`, `build.date`, `build.data_sha256`.
struct ReportContext {
    let review: Review
    let results: SynthesisResults
    let format: NumberFormat
    let build: ReportRenderer.BuildInfo

    /// - Parameter studyNames: the names a study item needs (those the templates use); nil for all.
    func make(
        tables: [ReportTable], figures: [ReportFigure], studyNames: Set<String>? = nil
    ) -> TemplateContext {
        var context = TemplateContext()
        for key in results.values.sortedKeys {
            context[key] = .text(format.format(results.values[key]!))
        }
        let metadata = review.config.metadata
        context["metadata.title"] = .text(metadata.title)
        context["metadata.authors"] = .text(metadata.authors.joined(separator: ", "))
        context["metadata.question"] = .text(metadata.question ?? "")
        context["metadata.search_date"] = .text(metadata.searchDate ?? "")
        context["metadata.databases"] = .text(metadata.databases.joined(separator: ", "))
        context["metadata.data_notice"] = .text(metadata.dataNotice ?? "")
        for (key, value) in metadata.extra { context["metadata.\(key)"] = .text(value) }
        context["eligibility"] = .list(metadata.eligibility.map { TemplateContext(["criterion": .text($0)]) })
        for subset in review.config.subsets { context["subsets.\(subset.name).label"] = .text(subset.label) }
        for table in tables {
            context["tables.\(table.name)"] = .markdown(Numbering.marker(.table, table.name))
            context["tables.\(table.name).number"] = .markdown(Numbering.marker(.tableNumber, table.name))
        }
        for figure in figures {
            context["figures.\(figure.name)"] = .markdown(Numbering.marker(.figure, figure.name))
            context["figures.\(figure.name).number"] = .markdown(Numbering.marker(.figureNumber, figure.name))
        }
        let studyColumns = review.columns.compactMap { column -> (ColumnSpec, link: Bool)? in
            let linkable = column.type == .doi || column.type == .url
            guard let names = studyNames else { return (column, linkable) }
            let link = linkable && names.contains("\(column.name).link")
            return names.contains(column.name) || link ? (column, link) : nil
        }
        context["studies"] = .list(review.studyIDs.indices.map { study($0, columns: studyColumns) })
        context["studies.listed"] = .flag(review.studyIDs.count <= review.config.presentation.maxTableRows)
        context["excluded_studies"] = .list(
            review.excluded.map { excluded in
                TemplateContext(
                    Dictionary(excluded.fields.map { ($0.name, TemplateValue.text($0.value)) }) { a, _ in a })
            })
        context["build.version"] = .text(build.version)
        context["build.date"] = .text(build.date)
        context["build.data_sha256"] = .text(build.dataFingerprint)
        return context
    }

    private func study(_ row: Int, columns: [(ColumnSpec, link: Bool)]) -> TemplateContext {
        var item = TemplateContext()
        for (column, wantsLink) in columns {
            let values = review.values[column.name]
            var text = values?.text(at: row) ?? ""
            if case .numbers(let numbers)? = values, let value = numbers[row] {
                text =
                    column.type == .year
                    ? NumberText.shortest(value)
                    : column.type == .fraction
                        ? format.fixed(value, decimals: format.presentation.decimals) : format.measure(value)
            }
            item[column.name] = .text(text)
            if wantsLink {
                item["\(column.name).link"] = .markdown(link(text, type: column.type))
            }
        }
        return item
    }

    /// `[10.1000/x](<https://doi.org/10.1000/x>)`: only https targets; other values stay plain text.
    private func link(_ value: String, type: ColumnType) -> String {
        guard !value.isEmpty else { return "" }
        let url = type == .doi ? "https://doi.org/" + value : value
        guard url.lowercased().hasPrefix("https://") else { return MarkdownText.escape(value) }
        return "[\(MarkdownText.escape(value))](<\(TableWriters.markdownURL(url))>)"
    }
}
