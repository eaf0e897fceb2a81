import ScopeLoad
import ScopeStatistics
import ScopeSynthesis

/// Turns typed results into report tables, applying the presentation rules once for every format.
struct TableBuilder {
    let format: NumberFormat
    let review: Review

    func frequency(_ table: FrequencyTable) -> ReportTable {
        var notes: [String] = []
        if table.multiValued {
            notes.append("A study may fall in several rows, so the percentages may sum to more than 100 %.")
        }
        let base =
            table.subsetLabel.map { "\($0) (n = \(format.grouped(table.base)))" }
            ?? "n = \(format.grouped(table.base)) studies"
        notes.append("Percentages of \(base).")
        return ReportTable(
            name: table.id, number: 0, title: table.title,
            columns: [.init(table.columnLabel), .init("Studies", .right), .init("%", .right)],
            rows: table.rows.map { row in
                [
                    .text(row.label), .text(format.grouped(row.count)),
                    .text(row.percent.map(format.percent) ?? "–"),
                ]
            }, notes: notes)
    }

    func crosstab(_ table: CrossTabulation) -> ReportTable {
        ReportTable(
            name: table.id, number: 0, title: table.title,
            columns: [.init(table.rowLabel)]
                + table.columnCategories.map { .init($0, .right) },
            rows: table.rowCategories.indices.map { r in
                [.text(table.rowCategories[r])] + table.counts[r].map { .text(format.grouped($0)) }
            },
            notes: [
                "Studies counted in every combination of their values (n = \(format.grouped(table.base)))."
            ])
    }

    func descriptives(_ summaries: [NumericSummary]) -> ReportTable {
        let headers = ["n", "Missing", "Mean", "SD", "Median", "Q1", "Q3", "Min", "Max"]
        return ReportTable(
            name: "descriptives", number: 0, title: "Descriptive statistics of the numeric variables",
            columns: [.init("Variable")] + headers.map { .init($0, .right) },
            rows: summaries.map { summary in
                let s = summary.statistics
                let subset = summary.subset.flatMap { name in
                    review.config.subsets.first { $0.name == name }?.label
                }
                let label = subset.map { "\(summary.label) (\($0.lowercased()))" } ?? summary.label
                let cells = [
                    s.mean, s.standardDeviation, s.median, s.firstQuartile, s.thirdQuartile, s.minimum,
                    s.maximum,
                ]
                let show: (Double) -> String =
                    switch summary.type {
                    case .year: { format.format(.plain($0)) }
                    case .fraction: { format.fixed($0, decimals: format.presentation.decimals) }
                    default: format.measure
                    }
                return [.text(label), .text(format.grouped(s.n)), .text(format.grouped(s.missing))]
                    + cells.enumerated().map { index, cell in
                        // The SD of years is a spread in years, not a year: measure-formatted.
                        .text(cell.value.map(index == 1 ? format.measure : show) ?? "–")
                    }
            },
            notes: [
                "SD: standard deviation (n − 1). Q1, Q3: quartiles by R's default definition (type 7, "
                    + "linear interpolation, as numpy's default)."
            ])
    }

    func correlation(_ family: CorrelationFamily) -> ReportTable {
        let columns: [ReportTable.Column] = [
            .init("Metric"), .init("n", .right), .init("Pearson r [95 % CI]", .right), .init("p", .right),
            .init("p (Holm)", .right), .init("Spearman ρ", .right), .init("p", .right),
            .init("Kendall τb", .right),
            .init("p", .right),
        ]
        let rows: [[ReportTable.Cell]] = family.members.map { member in
            let a = member.analysis
            let pearson: String
            switch a.pearson {
            case .value(let value):
                let interval =
                    value.confidenceInterval.value.map {
                        " [\(format.fixed($0.lower, decimals: format.presentation.decimals)), "
                            + "\(format.fixed($0.upper, decimals: format.presentation.decimals))]"
                    } ?? ""
                pearson = format.fixed(value.r, decimals: format.presentation.decimals) + interval
            case .notComputable(let reason): pearson = "not computable: \(reason)"
            }
            return [
                .text(member.yLabel), .text(format.grouped(a.n)), .text(pearson),
                .text(a.pearson.value.map { format.pValue($0.p) } ?? "–"),
                .text(member.pearsonHolm.map(format.pValue) ?? "–"),
                .text(rank(a.spearman)), .text(a.spearman.value.map { format.pValue($0.p) } ?? "–"),
                .text(rank(a.kendall)), .text(a.kendall.value.map { format.pValue($0.p) } ?? "–"),
            ]
        }
        return ReportTable(
            name: family.id, number: 0, title: family.title, columns: columns, rows: rows,
            notes: [
                "Correlations over the studies reporting both values. Pearson's CI by Fisher's z; Spearman's "
                    + "p by the t approximation; Kendall's τb with the tie-corrected normal approximation; "
                    + "Holm's adjustment across the \(family.members.count) metrics."
            ])
    }

    private func rank(_ computed: Computed<RankCorrelation>) -> String {
        switch computed {
        case .value(let value): format.fixed(value.coefficient, decimals: format.presentation.decimals)
        case .notComputable(let reason): "not computable: \(reason)"
        }
    }

    /// The characteristics-of-included-studies table: one row per study, in sheet order; the first
    /// column links to the study's DOI (https only).
    func studies(_ spec: StudyTableSpec) -> ReportTable {
        let columns = spec.columns.compactMap { review.column(named: $0) }
        let links = spec.link.flatMap { review.values[$0] }
        let rows: [[ReportTable.Cell]] = review.studyIDs.indices.map { row in
            columns.enumerated().map { index, column in
                let text = cellText(column, row: row)
                if index == 0, let link = links?.text(at: row) {
                    return .link(text, url: webAddress(link, column: spec.link!))
                }
                // A DOI or URL column links to itself (rendered as a link only when https).
                if column.type == .doi || column.type == .url,
                    let value = review.values[column.name]?.text(at: row)
                {
                    return .link(text, url: webAddress(value, column: column.name))
                }
                return .text(text)
            }
        }
        return ReportTable(
            name: "studies", number: 0, title: spec.title ?? "Characteristics of the included studies",
            columns: columns.map { .init($0.label, $0.type.isNumeric ? .right : .left) }, rows: rows,
            notes: ["Blank cells (–): not reported in the sources read."])
    }

    private func cellText(_ column: ColumnSpec, row: Int) -> String {
        guard let values = review.values[column.name] else { return "–" }
        if case .numbers(let numbers) = values, let value = numbers[row] {
            if column.type == .year { return NumberText.shortest(value) }
            return column.type == .fraction
                ? format.fixed(value, decimals: format.presentation.decimals) : format.measure(value)
        }
        return values.text(at: row) ?? "–"
    }

    /// A DOI column links to doi.org; a URL column to itself, and only when it is https.
    private func webAddress(_ value: String, column: String) -> String {
        if review.column(named: column)?.type == .doi { return "https://doi.org/" + value }
        return value
    }

    /// "Published vs. recomputed": each manuscript claim beside what this data gives.
    func claims(_ checks: [ClaimCheck]) -> ReportTable {
        ReportTable(
            name: "claims", number: 0, title: "Published figures and what this data gives",
            columns: [
                .init("Claim"), .init("Published", .right), .init("Recomputed", .right), .init("Status"),
            ],
            rows: checks.map { check in
                let recomputed: String
                switch check.recomputed {
                case .notComputable(let reason)?: recomputed = "not computable (\(reason))"
                case .pValue(let p)?: recomputed = "p = " + format.pValue(p)
                case let value?: recomputed = format.format(value)
                case nil: recomputed = "–"
                }
                let status: String
                switch check.status {
                case .reproduced: status = "reproduced"
                case .differs: status = "differs"
                case .notRecomputable: status = "not recomputable from this data"
                }
                return [
                    .text(check.claim.text), .text(check.claim.published), .text(recomputed), .text(status),
                ]
            },
            notes: ["Each build checks these claims; one that no longer holds is reported as a warning."])
    }

    func excluded() -> ReportTable {
        ReportTable(
            name: "excluded", number: 0, title: "Candidates excluded, with the reason",
            columns: [.init("Candidate"), .init("Reason")],
            rows: review.excluded.map { [.text($0.id), .text($0.reason)] }, notes: [])
    }
}
