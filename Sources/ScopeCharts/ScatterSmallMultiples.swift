import Foundation

/// Scatter plots as small multiples: one panel per series (e.g. AUC, accuracy, sensitivity and
/// specificity against samples per label), each with its points, an optional fitted line and band
/// computed by the caller, and an annotation under the panel title. Axes are shared or free.
public struct ScatterSmallMultiples: Sendable {
    public var id: String
    public var title: String
    public var description: String
    public var xLabel: String
    public var yLabel: String
    public var panels: [ScatterPanel]
    public var axes: AxisSharing
    public var xScale: AxisScale
    /// Panels per row; nil picks 1 for one panel, 2 for up to four, else 3.
    public var columns: Int?
    /// Above this many points a panel is thinned on a pixel grid (see `PointThinning`).
    public var maxPointsPerPanel: Int
    public var style: ChartStyle

    public init(
        id: String, title: String, description: String, xLabel: String, yLabel: String,
        panels: [ScatterPanel],
        axes: AxisSharing = .shared, xScale: AxisScale = .linear, columns: Int? = nil,
        maxPointsPerPanel: Int = 1500, style: ChartStyle = ChartStyle()
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.panels = panels
        self.axes = axes
        self.xScale = xScale
        self.columns = columns
        self.maxPointsPerPanel = maxPointsPerPanel
        self.style = style
    }

    private func xValues(_ panel: ScatterPanel) -> [Double] {
        panel.points.map(\.x) + (panel.fit?.line.map(\.x) ?? []) + (panel.fit?.band.map(\.x) ?? [])
    }

    /// The band is left out on purpose: a wide band at the ends would stretch the axis; it is clipped.
    private func yValues(_ panel: ScatterPanel) -> [Double] {
        panel.points.map(\.y) + (panel.fit?.line.map(\.y) ?? [])
    }

    /// The chart as a standalone SVG document.
    public func render() -> String {
        let identity = ChartIdentity(id: id, title: title, description: description)
        let kind = "scatter-small-multiples"
        guard !panels.isEmpty, panels.contains(where: { !$0.points.isEmpty }) else {
            return ChartDocument.renderNoData(identity, kind: kind, style: style)
        }
        let fontSize = style.fontSize
        let pad = fontSize * 0.5
        let gap = AxisDrawing.gap(fontSize)
        let columns = max(
            1, min(columns ?? (panels.count == 1 ? 1 : panels.count <= 4 ? 2 : 3), panels.count))
        let rows = (panels.count + columns - 1) / columns

        // Tick label width does not depend much on the axis length; measure it on a nominal axis.
        let yLabelWidth =
            panels.map { panel in
                NumericAxis(
                    values: axes.sharesY ? panels.flatMap(yValues) : yValues(panel), scale: .linear,
                    start: 200,
                    end: 0, orientation: .vertical, fontSize: fontSize
                ).widestLabel(fontSize: fontSize)
            }.max() ?? 0
        let yAxisWidth = yLabelWidth + gap
        let left = pad + AxisDrawing.titleExtent(yLabel, fontSize: fontSize)
        let xLabelWidth =
            panels.map { panel in
                NumericAxis(
                    values: axes.sharesX ? panels.flatMap(xValues) : xValues(panel), scale: xScale, start: 0,
                    end: 200, orientation: .horizontal, fontSize: fontSize
                ).widestLabel(fontSize: fontSize)
            }.max() ?? 0
        // Neighbouring panels' outermost x tick labels each hang half their width into the gap.
        let columnGap = max(fontSize * 1.2, xLabelWidth + fontSize * 0.6) + (axes.sharesY ? 0 : yAxisWidth)
        // Half the widest x tick label may hang over the right edge of the last column.
        let right = pad + max(fontSize * 1.2, xLabelWidth / 2)
        let plotWidth = max(
            fontSize * 4,
            (style.width - left - yAxisWidth - right - columnGap * Double(columns - 1)) / Double(columns))
        let annotationLines =
            panels.map {
                TextMetrics.wrap(
                    Self.keepingTermsTogether($0.annotation ?? ""), maxWidth: plotWidth, fontSize: fontSize,
                    maxLines: 2
                )
                .count
            }
            .max() ?? 0
        let lineHeight = TextMetrics.lineHeight(fontSize: fontSize)
        let stripHeight = fontSize * 1.5 + Double(annotationLines) * lineHeight
        let tickRow = AxisDrawing.tickRowHeight(fontSize)
        let rowGap = axes.sharesX ? fontSize * 0.8 : tickRow + fontSize * 0.8
        let bottom = tickRow + AxisDrawing.titleExtent(xLabel, fontSize: fontSize) + pad
        let plotHeight: Double
        if let height = style.height {
            plotHeight = max(
                fontSize * 4,
                (height - pad - bottom - Double(rows) * stripHeight - Double(rows - 1) * rowGap)
                    / Double(rows))
        } else {
            plotHeight = max(fontSize * 6, plotWidth * 0.72)
        }
        let height =
            style.height ?? pad + Double(rows) * (stripHeight + plotHeight) + Double(rows - 1) * rowGap
            + bottom

        var body: [SVGNode] = []
        for (index, panel) in panels.enumerated() {
            let row = index / columns
            let column = index % columns
            let plotLeft = left + yAxisWidth + Double(column) * (plotWidth + columnGap)
            let plotTop = pad + stripHeight + Double(row) * (stripHeight + plotHeight + rowGap)
            let hasPanelBelow = index + columns < panels.count
            let frame = PanelFrame(
                index: index, annotationLines: annotationLines, left: plotLeft, top: plotTop,
                width: plotWidth, height: plotHeight,
                showsXLabels: !axes.sharesX || !hasPanelBelow, showsYLabels: !axes.sharesY || column == 0)
            body.append(renderPanel(panel, frame: frame, identity: identity))
        }
        let allTop = pad + stripHeight
        let allBottom = height - bottom
        body += AxisDrawing.leftTitle(yLabel, x: pad, top: allTop, bottom: allBottom, fontSize: fontSize)
        body += AxisDrawing.bottomTitle(
            xLabel, left: left + yAxisWidth, right: style.width - right,
            baseline: height - pad - fontSize * 0.25,
            fontSize: fontSize)
        return ChartDocument.render(
            identity, kind: kind, width: style.width, height: height, fontSize: fontSize, body: body)
    }

    /// Binds " = " to its neighbours with no-break spaces, so "p = 0.51" never splits across lines.
    private static func keepingTermsTogether(_ annotation: String) -> String {
        annotation.replacingOccurrences(of: " = ", with: "\u{A0}=\u{A0}")
    }

    private struct PanelFrame {
        let index: Int
        /// Lines reserved for annotations in every panel's strip (so all plots line up).
        let annotationLines: Int
        let left: Double
        let top: Double
        let width: Double
        let height: Double
        let showsXLabels: Bool
        let showsYLabels: Bool
    }

    private func renderPanel(_ panel: ScatterPanel, frame: PanelFrame, identity: ChartIdentity) -> SVGNode {
        let fontSize = style.fontSize
        let right = frame.left + frame.width
        let bottom = frame.top + frame.height
        let xAxis = NumericAxis(
            values: axes.sharesX ? panels.flatMap(xValues) : xValues(panel), scale: xScale, start: frame.left,
            end: right, orientation: .horizontal, fontSize: fontSize)
        let yAxis = NumericAxis(
            values: axes.sharesY ? panels.flatMap(yValues) : yValues(panel), scale: .linear, start: bottom,
            end: frame.top, orientation: .vertical, fontSize: fontSize)

        var nodes: [SVGNode] = []
        // Strip: panel title, then the annotation, above the plot.
        let annotation = panel.annotation ?? ""
        let lineHeight = TextMetrics.lineHeight(fontSize: fontSize)
        let stripTop = frame.top - Double(frame.annotationLines) * lineHeight
        nodes.append(
            Draw.text(
                TextMetrics.truncate(panel.title, maxWidth: frame.width, fontSize: fontSize, bold: true),
                x: frame.left, y: stripTop - fontSize * 0.5, className: "sr-panel-title", bold: true,
                fullText: panel.title))
        if !annotation.isEmpty {
            let bound = Self.keepingTermsTogether(annotation)
            nodes.append(
                Draw.multilineText(
                    TextMetrics.wrap(bound, maxWidth: frame.width, fontSize: fontSize, maxLines: 2),
                    x: frame.left,
                    y: stripTop + fontSize * 0.55, className: "sr-annotation", fill: Palette.mutedText,
                    lineHeight: lineHeight, fullText: bound))
        }
        nodes += gridAndLabels(xAxis: xAxis, yAxis: yAxis, frame: frame)
        nodes.append(
            Draw.rect(
                x: frame.left, y: frame.top, width: frame.width, height: frame.height,
                className: "sr-panel-border",
                fill: "none", extra: [SVGAttribute("stroke", Palette.grid), SVGAttribute("stroke-width", 1)]))

        // Band under the points, line over them, so the fit stays visible in dense panels. Only the fit is
        // clipped (its band may run far outside the axis); the points lie within the axis domain, and
        // clipping them would cut those on the panel's edge (e.g. y = 1.0) in half.
        let fit = panel.fit.map { fitNodes($0, xAxis: xAxis, yAxis: yAxis) } ?? (band: [], line: [])
        let clipID = identity.elementID("clip-\(frame.index + 1)")
        if !fit.band.isEmpty || !fit.line.isEmpty {
            nodes.append(
                .element(
                    "clipPath", [SVGAttribute("id", clipID)],
                    [
                        Draw.rect(
                            x: frame.left, y: frame.top, width: frame.width, height: frame.height,
                            className: "sr-clip", fill: "none")
                    ]))
        }
        let clipped = { (className: String, marks: [SVGNode]) -> [SVGNode] in
            marks.isEmpty
                ? []
                : [
                    .element(
                        "g",
                        [SVGAttribute("class", className), SVGAttribute("clip-path", "url(#\(clipID))")],
                        marks)
                ]
        }
        let marks =
            clipped("sr-fit-band-clip", fit.band) + pointNodes(panel.points, xAxis: xAxis, yAxis: yAxis)
            + clipped("sr-fit-line-clip", fit.line)
        nodes.append(.element("g", [SVGAttribute("class", "sr-marks")], marks))
        return .element("g", [SVGAttribute("class", "sr-panel")], nodes)
    }

    private func gridAndLabels(xAxis: NumericAxis, yAxis: NumericAxis, frame: PanelFrame) -> [SVGNode] {
        let fontSize = style.fontSize
        let bottom = frame.top + frame.height
        var grid: [SVGNode] = []
        var labels: [SVGNode] = []
        for (tick, label) in zip(yAxis.ticks, yAxis.labels) {
            let y = yAxis.position(tick)
            grid.append(
                Draw.line(
                    x1: frame.left, y1: y, x2: frame.left + frame.width, y2: y, className: "sr-grid",
                    stroke: Palette.grid))
            if frame.showsYLabels {
                labels.append(
                    Draw.text(
                        label, x: frame.left - AxisDrawing.gap(fontSize), y: y + fontSize * 0.35,
                        className: "sr-tick-label", anchor: .end))
            }
        }
        for (tick, label) in zip(xAxis.ticks, xAxis.labels) {
            let x = xAxis.position(tick)
            grid.append(
                Draw.line(x1: x, y1: frame.top, x2: x, y2: bottom, className: "sr-grid", stroke: Palette.grid)
            )
            if frame.showsXLabels {
                labels.append(
                    Draw.text(
                        label, x: x, y: bottom + AxisDrawing.gap(fontSize) + fontSize * 0.9,
                        className: "sr-tick-label", anchor: .middle))
            }
        }
        return [
            .element("g", [SVGAttribute("class", "sr-grid-lines")], grid),
            .element("g", [SVGAttribute("class", "sr-axis")], labels),
        ]
    }

    private func fitNodes(
        _ fit: FittedLine, xAxis: NumericAxis, yAxis: NumericAxis
    )
        -> (band: [SVGNode], line: [SVGNode])
    {
        var bandNodes: [SVGNode] = []
        var lineNodes: [SVGNode] = []
        let band = fit.band.filter { $0.x.isFinite && $0.lower.isFinite && $0.upper.isFinite }
            .filter { xScale == .linear || $0.x > 0 }.sorted { $0.x < $1.x }
        if band.count > 1 {
            let upper = band.map { (x: xAxis.position($0.x), y: yAxis.position($0.upper)) }
            let lower = band.reversed().map { (x: xAxis.position($0.x), y: yAxis.position($0.lower)) }
            bandNodes.append(
                .element(
                    "path",
                    [
                        SVGAttribute("class", "sr-fit-band"),
                        SVGAttribute("d", Draw.pathData(upper + lower, closed: true)),
                        SVGAttribute("fill", Palette.fit), SVGAttribute("fill-opacity", 0.18),
                    ]))
        }
        let line = fit.line.filter { $0.x.isFinite && $0.y.isFinite && (xScale == .linear || $0.x > 0) }
            .sorted { $0.x < $1.x }
        if line.count > 1 {
            lineNodes.append(
                .element(
                    "path",
                    [
                        SVGAttribute("class", "sr-fit-line"),
                        SVGAttribute(
                            "d",
                            Draw.pathData(line.map { (x: xAxis.position($0.x), y: yAxis.position($0.y)) })),
                        SVGAttribute("fill", "none"), SVGAttribute("stroke", Palette.fit),
                        SVGAttribute("stroke-width", 2),
                    ]))
        }
        return (bandNodes, lineNodes)
    }

    private func pointNodes(_ points: [ChartPoint], xAxis: NumericAxis, yAxis: NumericAxis) -> [SVGNode] {
        let usable = points.filter { $0.x.isFinite && $0.y.isFinite && (xScale == .linear || $0.x > 0) }
        let pixels = usable.map { (x: xAxis.position($0.x), y: yAxis.position($0.y)) }
        let radius = style.fontSize * 0.22
        let kept =
            usable.count > maxPointsPerPanel
            ? PointThinning.keptIndices(of: pixels, cellSize: radius * 0.75) : Array(usable.indices)
        let circles = kept.map { index in
            Draw.circle(
                cx: pixels[index].x, cy: pixels[index].y, radius: radius, className: "sr-point",
                fill: Palette.accent, opacity: 0.7)
        }
        var group: [SVGNode] = []
        if kept.count < usable.count {
            group.append(
                .element(
                    "desc", [],
                    text:
                        "\(kept.count) of \(usable.count) points drawn; points closer than a pixel were merged."
                ))
        }
        return [.element("g", [SVGAttribute("class", "sr-points")], group + circles)]
    }
}
