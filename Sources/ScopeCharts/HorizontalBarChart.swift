import ScopeDiagnostics

/// Horizontal bars sorted by value, descending; tied bars keep the order given (e.g. codebook order), so
/// the chart lists them as the caller's table does. Optionally only the top N, with the rest summed into
/// one final "Other" bar. Category labels are wrapped to two lines and shortened with an ellipsis beyond
/// that (full text in a `<title>`); values are written at the bar ends.
public struct HorizontalBarChart: Sendable {
    public var id: String
    public var title: String
    public var description: String
    /// Title of the value axis (bottom).
    public var valueLabel: String
    /// Title of the category axis (left); empty for none.
    public var categoryLabel: String
    public var bars: [BarValue]
    /// Keep only the `topN` largest bars (nil: all).
    public var topN: Int?
    /// Label of the bar that sums the bars beyond `topN`.
    public var otherLabel: String
    public var style: ChartStyle

    public init(
        id: String, title: String, description: String, valueLabel: String, categoryLabel: String = "",
        bars: [BarValue], topN: Int? = nil, otherLabel: String = "Other", style: ChartStyle = ChartStyle()
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.valueLabel = valueLabel
        self.categoryLabel = categoryLabel
        self.bars = bars
        self.topN = topN
        self.otherLabel = otherLabel
        self.style = style
    }

    /// The bars as drawn, top to bottom: sorted by value (a stable sort: tied bars keep the order of
    /// `bars`), cut to `topN`, plus the "Other" bar if any were cut.
    public var displayedBars: [BarValue] {
        // Swift's sort is not documented as stable, so ties fall back to the position in `bars`.
        let sorted = bars.enumerated().sorted { first, second in
            first.element.value != second.element.value
                ? first.element.value > second.element.value : first.offset < second.offset
        }
        .map(\.element)
        guard let topN, sorted.count > max(topN, 0) else { return sorted }
        let kept = Array(sorted.prefix(max(topN, 0)))
        let rest = sorted.dropFirst(max(topN, 0)).reduce(0) { $0 + $1.value }
        return kept + [BarValue(label: otherLabel, value: rest)]
    }

    /// The chart as a standalone SVG document.
    public func render() -> String {
        let identity = ChartIdentity(id: id, title: title, description: description)
        let kind = "horizontal-bar-chart"
        let shown = displayedBars
        guard !shown.isEmpty else { return ChartDocument.renderNoData(identity, kind: kind, style: style) }
        let fontSize = style.fontSize
        let pad = fontSize * 0.5
        let gap = AxisDrawing.gap(fontSize)
        let lineHeight = TextMetrics.lineHeight(fontSize: fontSize)
        let width = style.width

        let labelBudget = width * 0.38
        let wrapped = shown.map {
            TextMetrics.wrap($0.label, maxWidth: labelBudget, fontSize: fontSize, maxLines: 2)
        }
        let labelWidth =
            wrapped.flatMap { $0 }.map { TextMetrics.width(of: $0, fontSize: fontSize) }.max() ?? 0
        let mostLines = Double(wrapped.map(\.count).max() ?? 1)
        let rowHeight = max(fontSize * 1.8, mostLines * lineHeight + fontSize * 0.6)
        let valueTexts = shown.map { NumberLabels.value($0.value) }
        let widestValue = valueTexts.map { TextMetrics.width(of: $0, fontSize: fontSize) }.max() ?? 0

        let plotTop = pad
        let plotHeight = rowHeight * Double(shown.count)
        let plotBottom = plotTop + plotHeight
        let plotLeft = pad + AxisDrawing.titleExtent(categoryLabel, fontSize: fontSize) + labelWidth + gap
        let plotRight = width - pad - widestValue - gap
        let height =
            style.height
            ?? plotBottom + AxisDrawing.tickRowHeight(fontSize)
            + AxisDrawing.titleExtent(valueLabel, fontSize: fontSize)
            + pad
        let axis = NumericAxis(
            values: shown.map(\.value), scale: .linear, start: plotLeft, end: plotRight,
            orientation: .horizontal,
            fontSize: fontSize, includeZero: true,
            integerOnly: shown.allSatisfy { $0.value == $0.value.rounded() })

        var marks: [SVGNode] = []
        var labels: [SVGNode] = []
        var values: [SVGNode] = []
        let thickness = min(rowHeight * 0.7, fontSize * 1.6)
        for (index, bar) in shown.enumerated() {
            let centreY = plotTop + rowHeight * (Double(index) + 0.5)
            let zero = axis.position(0)
            let end = axis.position(bar.value)
            marks.append(
                Draw.rect(
                    x: min(zero, end), y: centreY - thickness / 2, width: abs(end - zero), height: thickness,
                    className: "sr-bar", fill: Palette.accent,
                    title: "\(BidiIsolation.isolated(bar.label)): \(valueTexts[index])"))
            let lines = wrapped[index]
            let firstBaseline = centreY - Double(lines.count - 1) * lineHeight / 2 + fontSize * 0.35
            labels.append(
                Draw.multilineText(
                    lines, x: plotLeft - gap, y: firstBaseline, className: "sr-label", anchor: .end,
                    lineHeight: lineHeight, fullText: bar.label))
            values.append(
                Draw.text(
                    valueTexts[index], x: max(zero, end) + gap, y: centreY + fontSize * 0.35,
                    className: "sr-value-label"))
        }
        var body: [SVGNode] = [
            .element(
                "g", [SVGAttribute("class", "sr-axis sr-axis-x")],
                AxisDrawing.horizontalValueAxis(
                    axis, plotTop: plotTop, plotBottom: plotBottom, fontSize: fontSize)),
            .element("g", [SVGAttribute("class", "sr-bars")], marks),
            Draw.line(
                x1: axis.position(0), y1: plotTop, x2: axis.position(0), y2: plotBottom, className: "sr-axis",
                stroke: Palette.axis),
            .element("g", [SVGAttribute("class", "sr-axis sr-axis-y")], labels),
            .element("g", [SVGAttribute("class", "sr-value-labels")], values),
        ]
        body += AxisDrawing.leftTitle(
            categoryLabel, x: pad, top: plotTop, bottom: plotBottom, fontSize: fontSize)
        body += AxisDrawing.bottomTitle(
            valueLabel, left: plotLeft, right: plotRight, baseline: height - pad - fontSize * 0.25,
            fontSize: fontSize)
        return ChartDocument.render(
            identity, kind: kind, width: width, height: height, fontSize: fontSize, body: body)
    }
}
