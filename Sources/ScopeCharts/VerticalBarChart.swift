import ScopeDiagnostics

/// Vertical bars, one per category, in the order given (e.g. studies per year; pass every category,
/// including those with a count of zero). Values are written above the bars when they fit.
public struct VerticalBarChart: Sendable {
    public var id: String
    public var title: String
    public var description: String
    public var xLabel: String
    public var yLabel: String
    public var bars: [BarValue]
    public var style: ChartStyle

    public init(
        id: String, title: String, description: String, xLabel: String, yLabel: String, bars: [BarValue],
        style: ChartStyle = ChartStyle()
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.bars = bars
        self.style = style
    }

    /// The chart as a standalone SVG document.
    public func render() -> String {
        let identity = ChartIdentity(id: id, title: title, description: description)
        let kind = "vertical-bar-chart"
        guard !bars.isEmpty else { return ChartDocument.renderNoData(identity, kind: kind, style: style) }
        let layout = VerticalBarsLayout(
            categories: bars.map(\.label), axisValues: bars.map(\.value), xLabel: xLabel, yLabel: yLabel,
            legendEntries: [], style: style)
        let fontSize = style.fontSize
        let barWidth = layout.band * 0.7
        let valueTexts = bars.map { NumberLabels.value($0.value) }
        let showsValues =
            (valueTexts.map { TextMetrics.width(of: $0, fontSize: fontSize) }.max() ?? 0) <= layout.band
            * 0.95
        var marks: [SVGNode] = []
        var values: [SVGNode] = []
        for (index, bar) in bars.enumerated() {
            let centre = layout.centre(ofCategory: index)
            let zero = layout.axis.position(0)
            let top = layout.axis.position(bar.value)
            marks.append(
                Draw.rect(
                    x: centre - barWidth / 2, y: min(top, zero), width: barWidth, height: abs(zero - top),
                    className: "sr-bar", fill: Palette.accent,
                    title: "\(BidiIsolation.isolated(bar.label)): \(valueTexts[index])"))
            if showsValues {
                values.append(
                    Draw.text(
                        valueTexts[index], x: centre, y: min(top, zero) - AxisDrawing.gap(fontSize),
                        className: "sr-value-label", anchor: .middle))
            }
        }
        let frame = layout.frameNodes(xLabel: xLabel, yLabel: yLabel)
        let body =
            frame.background + [
                .element("g", [SVGAttribute("class", "sr-bars")], marks),
                .element("g", [SVGAttribute("class", "sr-value-labels")], values),
            ] + frame.foreground
        return ChartDocument.render(
            identity, kind: kind, width: layout.width, height: layout.height, fontSize: fontSize, body: body)
    }
}
