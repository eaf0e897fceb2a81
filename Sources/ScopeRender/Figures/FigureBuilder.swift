import ScopeCharts
import ScopeDiagnostics
import ScopeLoad
import ScopeStatistics
import ScopeSynthesis

/// A figure of the report: its SVG and the caption shown under it.
public struct ReportFigure: Sendable, Equatable {
    /// File name stem: `figures/NAME.svg`.
    public var name: String
    public var number: Int
    public var caption: String
    public var svg: String
}

/// Draws each configured figure from the synthesis results with the chart module.
struct FigureBuilder {
    let review: Review
    let results: SynthesisResults
    let format: NumberFormat

    func figure(_ spec: FigureSpec) -> ReportFigure {
        ReportFigure(name: spec.id, number: 0, caption: spec.caption, svg: svg(spec))
    }

    func svg(_ spec: FigureSpec) -> String {
        let id = "fig-\(spec.id)"
        switch spec.kind {
        case .bars:
            let table = results.frequency(spec.source)!
            return VerticalBarChart(
                id: id, title: table.title, description: describe(table), xLabel: table.columnLabel,
                yLabel: "Studies", bars: table.rows.map { BarValue(label: $0.label, value: Double($0.count)) }
            ).render()
        case .hbars:
            let table = results.frequency(spec.source)!
            return HorizontalBarChart(
                id: id, title: table.title, description: describe(table), valueLabel: "Studies",
                bars: table.rows.map { BarValue(label: $0.label, value: Double($0.count)) }, topN: spec.top
            ).render()
        case .stacked:
            let table = results.crosstab(spec.source)!
            return MultiSeriesBarChart(
                id: id, title: table.title, description: describe(table), xLabel: table.rowLabel,
                yLabel: "Studies",
                categories: table.rowCategories,
                series: table.columnCategories.indices.map { c in
                    BarSeries(name: table.columnCategories[c], values: table.counts.map { Double($0[c]) })
                }, arrangement: .stacked
            ).render()
        case .heatmap:
            let table = results.crosstab(spec.source)!
            return HeatMapTable(
                id: id, title: table.title, description: describe(table), columnLabel: table.columnLabel,
                rowLabel: table.rowLabel, rows: table.rowCategories, columns: table.columnCategories,
                counts: table.counts
            ).render()
        case .scatter:
            let family = results.correlation(spec.source)!
            return ScatterSmallMultiples(
                id: id, title: family.title, description: describe(family), xLabel: family.xLabel,
                yLabel: "Score", panels: family.members.map(panel), axes: .freeY
            ).render()
        case .box:
            let column = review.column(named: spec.source)!
            let values = (review.values[spec.source]?.numbers ?? []).compactMap { $0 }
            return BoxStripPlot(
                id: id, title: column.label, description: describeDistribution(column.label, values),
                valueLabel: column.label, groups: [BoxGroup(label: "", values: values)],
                scale: spec.logScale ? .log10 : .linear
            ).render()
        }
    }

    private func panel(_ member: CorrelationFamily.Member) -> ScatterPanel {
        var annotation = "n = \(member.analysis.n)"
        if let pearson = member.analysis.pearson.value {
            annotation += ", r = \(format.fixed(pearson.r, decimals: 2)), p = \(format.pValue(pearson.p))"
        }
        var fitLine: FittedLine?
        if let fit = member.fit.value, let low = member.points.map(\.x).min(),
            let high = member.points.map(\.x).max()
        {
            let steps = 24
            let xs = (0...steps).map { low + (high - low) * Double($0) / Double(steps) }
            fitLine = FittedLine(
                line: [
                    ChartPoint(x: low, y: fit.fitted(at: low)), ChartPoint(x: high, y: fit.fitted(at: high)),
                ],
                band: xs.compactMap { x in
                    fit.confidenceBand(at: x).value.map { BandPoint(x: x, lower: $0.lower, upper: $0.upper) }
                })
        }
        return ScatterPanel(
            title: member.yLabel, points: member.points.map { ChartPoint(x: $0.x, y: $0.y) }, fit: fitLine,
            annotation: annotation)
    }

    // MARK: - descriptions for <desc>, so the figure's data is readable without seeing it

    private func describe(_ table: FrequencyTable) -> String {
        let parts = table.rows.map { "\(BidiIsolation.isolated($0.label)): \($0.count)" }
        return "\(BidiIsolation.isolated(table.title)). Studies per category (n = \(table.base)): "
            + parts.joined(separator: "; ")
            + "."
    }

    private func describe(_ table: CrossTabulation) -> String {
        let parts = table.rowCategories.indices.map { r in
            "\(BidiIsolation.isolated(table.rowCategories[r])): "
                + table.columnCategories.indices.map {
                    "\(BidiIsolation.isolated(table.columnCategories[$0])) \(table.counts[r][$0])"
                }
                .joined(separator: ", ")
        }
        return "\(BidiIsolation.isolated(table.title)). " + parts.joined(separator: "; ") + "."
    }

    private func describe(_ family: CorrelationFamily) -> String {
        let parts = family.members.map { member -> String in
            var text = "\(BidiIsolation.isolated(member.yLabel)): n = \(member.analysis.n)"
            if let pearson = member.analysis.pearson.value {
                text += ", r = \(format.fixed(pearson.r, decimals: 2)), p = \(format.pValue(pearson.p))"
            }
            return text
        }
        return "\(BidiIsolation.isolated(family.title)). " + parts.joined(separator: "; ") + "."
    }

    private func describeDistribution(_ label: String, _ values: [Double]) -> String {
        let stats = DescriptiveStatistics.describe(values)
        guard let median = stats.median.value, let low = stats.minimum.value, let high = stats.maximum.value
        else {
            return "\(BidiIsolation.isolated(label)): no values."
        }
        return
            "\(BidiIsolation.isolated(label)) of \(values.count) studies: median \(format.measure(median)), range "
            + "\(format.measure(low)) to \(format.measure(high))."
    }
}
