import ScopeDiagnostics

/// One named series of values, one value per category, for stacked and grouped bars.
public struct BarSeries: Sendable, Equatable {
    public var name: String
    /// Values in the order of the chart's categories; missing values count as zero.
    public var values: [Double]

    public init(name: String, values: [Double]) {
        self.name = name
        self.values = values
    }
}

/// Vertical bars for series × categories, either stacked (one bar per category, segments in series
/// order from the bottom) or grouped (side by side), with a legend above the plot.
public struct MultiSeriesBarChart: Sendable {
    public enum Arrangement: Sendable, Equatable {
        case stacked
        case grouped
    }

    public var id: String
    public var title: String
    public var description: String
    public var xLabel: String
    public var yLabel: String
    public var categories: [String]
    public var series: [BarSeries]
    public var arrangement: Arrangement
    public var style: ChartStyle

    public init(
        id: String, title: String, description: String, xLabel: String, yLabel: String, categories: [String],
        series: [BarSeries], arrangement: Arrangement, style: ChartStyle = ChartStyle()
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.categories = categories
        self.series = series
        self.arrangement = arrangement
        self.style = style
    }

    private func value(series index: Int, category: Int) -> Double {
        let values = series[index].values
        guard category < values.count, values[category].isFinite else { return 0 }
        return values[category]
    }

    /// The chart as a standalone SVG document.
    public func render() -> String {
        let identity = ChartIdentity(id: id, title: title, description: description)
        let kind = arrangement == .stacked ? "stacked-bar-chart" : "grouped-bar-chart"
        guard !categories.isEmpty, !series.isEmpty else {
            return ChartDocument.renderNoData(identity, kind: kind, style: style)
        }
        let axisValues: [Double]
        switch arrangement {
        case .stacked:
            // Positive values stack upwards and negative ones downwards, as in ggplot2.
            axisValues = categories.indices.flatMap { category in
                let values = series.indices.map { value(series: $0, category: category) }
                return [values.filter { $0 > 0 }.reduce(0, +), values.filter { $0 < 0 }.reduce(0, +)]
            }
        case .grouped:
            axisValues = series.indices.flatMap { index in
                categories.indices.map { value(series: index, category: $0) }
            }
        }
        let layout = VerticalBarsLayout(
            categories: categories, axisValues: axisValues, xLabel: xLabel, yLabel: yLabel,
            legendEntries: series.enumerated().map { Legend.Entry(name: $1.name, seriesIndex: $0) },
            style: style)
        var groups: [SVGNode] = []
        for seriesIndex in series.indices {
            var marks: [SVGNode] = []
            for category in categories.indices {
                let value = value(series: seriesIndex, category: category)
                let (x, barWidth, from) = placement(series: seriesIndex, category: category, layout: layout)
                let start = layout.axis.position(from)
                let end = layout.axis.position(from + value)
                marks.append(
                    Draw.rect(
                        x: x, y: min(start, end), width: barWidth, height: abs(end - start),
                        className: "sr-bar sr-series-\(seriesIndex % Palette.series.count + 1)",
                        fill: Palette.color(ofSeries: seriesIndex),
                        title:
                            "\(BidiIsolation.isolated(series[seriesIndex].name)), "
                            + "\(BidiIsolation.isolated(categories[category])): \(NumberLabels.value(value))"
                    ))
            }
            groups.append(
                .element("g", [SVGAttribute("class", "sr-series sr-series-group-\(seriesIndex + 1)")], marks))
        }
        let frame = layout.frameNodes(xLabel: xLabel, yLabel: yLabel)
        let body =
            frame.background + [.element("g", [SVGAttribute("class", "sr-bars")], groups)] + frame.foreground
        return ChartDocument.render(
            identity, kind: kind, width: layout.width, height: layout.height, fontSize: style.fontSize,
            body: body)
    }

    /// Left edge, width and baseline value of one bar segment.
    private func placement(
        series seriesIndex: Int, category: Int, layout: VerticalBarsLayout
    )
        -> (x: Double, width: Double, from: Double)
    {
        let centre = layout.centre(ofCategory: category)
        switch arrangement {
        case .stacked:
            let width = layout.band * 0.7
            let own = value(series: seriesIndex, category: category)
            let below = (0..<seriesIndex).map { value(series: $0, category: category) }
                .filter { own >= 0 ? $0 > 0 : $0 < 0 }.reduce(0, +)
            return (centre - width / 2, width, below)
        case .grouped:
            let groupWidth = layout.band * 0.8
            let width = groupWidth / Double(series.count)
            return (centre - groupWidth / 2 + width * Double(seriesIndex), width, 0)
        }
    }
}
