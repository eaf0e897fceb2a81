/// Plot area, value axis and category labels for charts with categories along the bottom and a value
/// axis on the left (vertical, stacked and grouped bars). Margins come from the measured labels.
struct VerticalBarsLayout {
    let plotLeft: Double
    let plotRight: Double
    let plotTop: Double
    let plotBottom: Double
    let axis: NumericAxis
    let categoryLabels: CategoryAxisLabels
    let legend: Legend?
    let width: Double
    let height: Double
    let fontSize: Double

    /// `axisValues` are the values the axis must reach (bar heights or stack totals).
    init(
        categories: [String], axisValues: [Double], xLabel: String, yLabel: String,
        legendEntries: [Legend.Entry],
        style: ChartStyle
    ) {
        let fontSize = style.fontSize
        let width = style.width
        let height = style.height ?? 400
        let pad = fontSize * 0.5
        let gap = AxisDrawing.gap(fontSize)
        let legend =
            legendEntries.isEmpty
            ? nil : Legend(entries: legendEntries, left: pad, maxWidth: width - 2 * pad, fontSize: fontSize)
        // Room above the tallest bar for its value label.
        let plotTop = pad + (legend?.height ?? 0) + fontSize * 1.2
        let integerOnly = axisValues.allSatisfy { $0 == $0.rounded() }
        let count = Double(max(categories.count, 1))
        var plotBottom = height - pad - AxisDrawing.titleExtent(xLabel, fontSize: fontSize) - fontSize * 2
        var plotLeft = pad
        var axis = NumericAxis(
            values: axisValues, scale: .linear, start: plotBottom, end: plotTop, orientation: .vertical,
            fontSize: fontSize, includeZero: true, integerOnly: integerOnly)
        var labels = CategoryAxisLabels(labels: categories, band: 1, fontSize: fontSize, maxRotatedWidth: 1)
        // Two passes: the label mode depends on the band width, which depends on the left margin, which
        // depends on the tick labels, which depend on the plot height left over by the category labels.
        for _ in 0..<2 {
            axis = NumericAxis(
                values: axisValues, scale: .linear, start: plotBottom, end: plotTop, orientation: .vertical,
                fontSize: fontSize, includeZero: true, integerOnly: integerOnly)
            plotLeft =
                pad + AxisDrawing.titleExtent(yLabel, fontSize: fontSize)
                + axis.widestLabel(fontSize: fontSize)
                + gap
            let band = (width - pad - plotLeft) / count
            labels = CategoryAxisLabels(
                labels: categories, band: band, fontSize: fontSize, maxRotatedWidth: height * 0.4)
            plotLeft = max(plotLeft, pad + labels.leftOverhang - band / 2)
            plotBottom = height - pad - AxisDrawing.titleExtent(xLabel, fontSize: fontSize) - labels.height
        }
        axis = NumericAxis(
            values: axisValues, scale: .linear, start: plotBottom, end: plotTop, orientation: .vertical,
            fontSize: fontSize, includeZero: true, integerOnly: integerOnly)
        self.plotLeft = plotLeft
        self.plotRight = width - pad
        self.plotTop = plotTop
        self.plotBottom = plotBottom
        self.axis = axis
        self.categoryLabels = labels
        self.legend = legend
        self.width = width
        self.height = height
        self.fontSize = fontSize
    }

    var band: Double { (plotRight - plotLeft) / Double(max(categoryLabels.labels.count, 1)) }

    func centre(ofCategory index: Int) -> Double {
        plotLeft + band * (Double(index) + 0.5)
    }

    /// Everything but the bars: legend, gridlines, tick labels, category labels, axis titles.
    func frameNodes(xLabel: String, yLabel: String) -> (background: [SVGNode], foreground: [SVGNode]) {
        let pad = fontSize * 0.5
        var background: [SVGNode] = []
        if let legend { background += legend.nodes(top: pad) }
        background.append(
            .element(
                "g", [SVGAttribute("class", "sr-axis sr-axis-y")],
                AxisDrawing.verticalValueAxis(
                    axis, plotLeft: plotLeft, plotRight: plotRight, fontSize: fontSize)))
        var foreground: [SVGNode] = [
            Draw.line(
                x1: plotLeft, y1: axis.position(0), x2: plotRight, y2: axis.position(0), className: "sr-axis",
                stroke: Palette.axis)
        ]
        let centres = categoryLabels.labels.indices.map(centre(ofCategory:))
        foreground.append(
            .element(
                "g", [SVGAttribute("class", "sr-axis sr-axis-x")],
                categoryLabels.nodes(centres: centres, plotBottom: plotBottom)))
        foreground += AxisDrawing.leftTitle(
            yLabel, x: pad, top: plotTop, bottom: plotBottom, fontSize: fontSize)
        foreground += AxisDrawing.bottomTitle(
            xLabel, left: plotLeft, right: plotRight, baseline: height - pad - fontSize * 0.25,
            fontSize: fontSize)
        return (background, foreground)
    }
}
