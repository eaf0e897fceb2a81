import Foundation

/// One row of a box plot: a label and its values (e.g. patients per study).
public struct BoxGroup: Sendable, Equatable {
    public var label: String
    public var values: [Double]

    public init(label: String, values: [Double]) {
        self.label = label
        self.values = values
    }
}

/// Horizontal box plots (Tukey: quartiles, whiskers to 1.5 IQR), one row per group, with every value
/// drawn as a point in a strip jittered deterministically (golden-ratio sequence by index, never random).
/// On a log10 axis, values ≤ 0 cannot be drawn; they are left out and a note under the plot says how many.
/// Past `maxPointsPerStrip` values, the points are thinned like the scatter plots' (one per cell of a grid
/// finer than a point): the same picture, where 100,000 points made a 9.5 MB figure.
public struct BoxStripPlot: Sendable {
    public var id: String
    public var title: String
    public var description: String
    /// Title of the value axis (bottom).
    public var valueLabel: String
    /// Title of the group axis (left); empty for none.
    public var groupLabel: String
    public var groups: [BoxGroup]
    public var scale: AxisScale
    public var maxPointsPerStrip: Int
    public var style: ChartStyle

    public init(
        id: String, title: String, description: String, valueLabel: String, groupLabel: String = "",
        groups: [BoxGroup], scale: AxisScale = .linear, maxPointsPerStrip: Int = 1500,
        style: ChartStyle = ChartStyle()
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.valueLabel = valueLabel
        self.groupLabel = groupLabel
        self.groups = groups
        self.scale = scale
        self.maxPointsPerStrip = maxPointsPerStrip
        self.style = style
    }

    private func drawable(_ values: [Double]) -> [Double] {
        values.filter { $0.isFinite && (scale == .linear || $0 > 0) }
    }

    /// The chart as a standalone SVG document.
    public func render() -> String {
        let identity = ChartIdentity(id: id, title: title, description: description)
        let kind = "box-strip-plot"
        guard groups.contains(where: { !drawable($0.values).isEmpty }) else {
            return ChartDocument.renderNoData(identity, kind: kind, style: style)
        }
        let fontSize = style.fontSize
        let pad = fontSize * 0.5
        let gap = AxisDrawing.gap(fontSize)
        let lineHeight = TextMetrics.lineHeight(fontSize: fontSize)
        let width = style.width
        let showsGroupLabels = groups.count > 1 || !groups[0].label.isEmpty
        let wrapped = groups.map {
            showsGroupLabels
                ? TextMetrics.wrap($0.label, maxWidth: width * 0.3, fontSize: fontSize, maxLines: 2) : []
        }
        let labelWidth =
            wrapped.flatMap { $0 }.map { TextMetrics.width(of: $0, fontSize: fontSize) }.max() ?? 0
        let rowHeight = max(fontSize * 4, Double(wrapped.map(\.count).max() ?? 1) * lineHeight + fontSize)
        let dropped = groups.reduce(0) { $0 + $1.values.count - drawable($1.values).count }
        let noteHeight = dropped > 0 ? lineHeight : 0

        let plotTop = pad
        let plotBottom = plotTop + rowHeight * Double(groups.count)
        let plotLeft =
            pad + AxisDrawing.titleExtent(groupLabel, fontSize: fontSize) + labelWidth
            + (labelWidth > 0 ? gap : 0)
            + fontSize * 0.8
        // The last tick label is centred on the plot's right edge; leave room for its right half.
        let nominalAxis = NumericAxis(
            values: groups.flatMap { drawable($0.values) }, scale: scale, start: plotLeft, end: width - pad,
            orientation: .horizontal, fontSize: fontSize)
        let lastLabelWidth = TextMetrics.width(of: nominalAxis.labels.last ?? "", fontSize: fontSize)
        let plotRight = width - pad - max(fontSize * 0.8, lastLabelWidth / 2)
        let height =
            style.height
            ?? plotBottom + AxisDrawing.tickRowHeight(fontSize)
            + AxisDrawing.titleExtent(valueLabel, fontSize: fontSize)
            + noteHeight + pad
        let axis = NumericAxis(
            values: groups.flatMap { drawable($0.values) }, scale: scale, start: plotLeft, end: plotRight,
            orientation: .horizontal, fontSize: fontSize)

        var body: [SVGNode] = [
            .element(
                "g", [SVGAttribute("class", "sr-axis sr-axis-x")],
                AxisDrawing.horizontalValueAxis(
                    axis, plotTop: plotTop, plotBottom: plotBottom, fontSize: fontSize))
        ]
        for (index, group) in groups.enumerated() {
            let centreY = plotTop + rowHeight * (Double(index) + 0.5)
            var nodes: [SVGNode] = []
            if showsGroupLabels {
                let lines = wrapped[index]
                nodes.append(
                    Draw.multilineText(
                        lines, x: plotLeft - gap - fontSize * 0.8,
                        y: centreY - Double(lines.count - 1) * lineHeight / 2 + fontSize * 0.35,
                        className: "sr-label",
                        anchor: .end, lineHeight: lineHeight, fullText: group.label))
            }
            nodes += boxNodes(
                drawable(group.values), axis: axis, centreY: centreY, thickness: rowHeight * 0.55)
            body.append(.element("g", [SVGAttribute("class", "sr-box-group")], nodes))
        }
        body += AxisDrawing.leftTitle(
            groupLabel, x: pad, top: plotTop, bottom: plotBottom, fontSize: fontSize)
        let titleBaseline = height - pad - noteHeight - fontSize * 0.25
        body += AxisDrawing.bottomTitle(
            valueLabel, left: plotLeft, right: plotRight, baseline: titleBaseline, fontSize: fontSize)
        if dropped > 0 {
            let note = "\(dropped) value\(dropped == 1 ? "" : "s") ≤ 0 not shown on the log scale"
            body.append(
                Draw.text(
                    TextMetrics.truncate(note, maxWidth: width - 2 * pad, fontSize: fontSize), x: pad,
                    y: height - pad - fontSize * 0.25, className: "sr-note", fill: Palette.mutedText,
                    fullText: note))
        }
        return ChartDocument.render(
            identity, kind: kind, width: width, height: height, fontSize: fontSize, body: body)
    }

    private func boxNodes(
        _ values: [Double], axis: NumericAxis, centreY: Double, thickness: Double
    ) -> [SVGNode] {
        guard let stats = BoxStatistics(values) else { return [] }
        let top = centreY - thickness / 2
        let bottom = centreY + thickness / 2
        let q1 = axis.position(stats.lowerQuartile)
        let q3 = axis.position(stats.upperQuartile)
        let summary =
            "median \(NumberLabels.value(stats.median)), quartiles \(NumberLabels.value(stats.lowerQuartile))–"
            + "\(NumberLabels.value(stats.upperQuartile)), n = \(values.count)"
        let nodes: [SVGNode] = [
            Draw.line(
                x1: axis.position(stats.lowerWhisker), y1: centreY, x2: q1, y2: centreY,
                className: "sr-box-line",
                stroke: Palette.axis, width: 1.5),
            Draw.line(
                x1: q3, y1: centreY, x2: axis.position(stats.upperWhisker), y2: centreY,
                className: "sr-box-line",
                stroke: Palette.axis, width: 1.5),
            Draw.rect(
                x: q1, y: top, width: q3 - q1, height: thickness, className: "sr-box", fill: Palette.accent,
                title: summary,
                extra: [
                    SVGAttribute("fill-opacity", 0.15), SVGAttribute("stroke", Palette.axis),
                    SVGAttribute("stroke-width", 1.5),
                ]),
            Draw.line(
                x1: axis.position(stats.median), y1: top, x2: axis.position(stats.median), y2: bottom,
                className: "sr-box-line sr-median", stroke: Palette.axis, width: 3),
        ]
        let radius = style.fontSize * 0.2
        let pixels = values.enumerated().map { index, value in
            // Golden-ratio offsets spread any number of points evenly and deterministically.
            let offset = (Double(index) * 0.618_033_988_749_895).truncatingRemainder(dividingBy: 1) - 0.5
            return (x: axis.position(value), y: centreY + offset * thickness * 0.8)
        }
        let dense = values.count > maxPointsPerStrip
        let kept =
            dense ? PointThinning.keptIndices(of: pixels, cellSize: radius * 0.75) : Array(pixels.indices)
        let points = kept.map { index in
            Draw.circle(
                cx: pixels[index].x, cy: pixels[index].y, radius: radius, className: "sr-point",
                fill: Palette.accent, opacity: dense ? 0.3 : 0.6)
        }
        let strip = SVGNode.element("g", [SVGAttribute("class", "sr-points")], points)
        // Thousands of points make a solid band: it goes under the box, which stays readable on top.
        return dense ? [strip] + nodes : nodes + [strip]
    }
}
