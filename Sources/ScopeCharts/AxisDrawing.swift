// Gridlines, tick labels and axis titles shared by the charts with numeric axes.

enum AxisDrawing {
    /// Space between a label and what it labels.
    static func gap(_ fontSize: Double) -> Double { fontSize * 0.4 }

    /// Horizontal gridlines across [plotLeft, plotRight] with tick labels right-aligned left of `plotLeft`.
    static func verticalValueAxis(
        _ axis: NumericAxis, plotLeft: Double, plotRight: Double, fontSize: Double
    )
        -> [SVGNode]
    {
        var nodes: [SVGNode] = []
        for (tick, label) in zip(axis.ticks, axis.labels) {
            let y = axis.position(tick)
            nodes.append(
                Draw.line(
                    x1: plotLeft, y1: y, x2: plotRight, y2: y, className: "sr-grid", stroke: Palette.grid))
            nodes.append(
                Draw.text(
                    label, x: plotLeft - gap(fontSize), y: y + fontSize * 0.35, className: "sr-tick-label",
                    anchor: .end))
        }
        return nodes
    }

    /// Vertical gridlines across [plotTop, plotBottom] with tick labels centred below `plotBottom`.
    static func horizontalValueAxis(
        _ axis: NumericAxis, plotTop: Double, plotBottom: Double, fontSize: Double
    )
        -> [SVGNode]
    {
        var nodes: [SVGNode] = []
        for (tick, label) in zip(axis.ticks, axis.labels) {
            let x = axis.position(tick)
            nodes.append(
                Draw.line(
                    x1: x, y1: plotTop, x2: x, y2: plotBottom, className: "sr-grid", stroke: Palette.grid))
            nodes.append(
                Draw.text(
                    label, x: x, y: plotBottom + gap(fontSize) + fontSize * 0.9, className: "sr-tick-label",
                    anchor: .middle))
        }
        return nodes
    }

    /// Height a bottom tick-label row takes below the plot.
    static func tickRowHeight(_ fontSize: Double) -> Double { gap(fontSize) + fontSize * 1.15 }

    /// Height (or, rotated, width) an axis title takes, including its gap; zero for an empty title.
    static func titleExtent(_ title: String, fontSize: Double) -> Double {
        title.isEmpty ? 0 : fontSize * 1.2 + gap(fontSize)
    }

    /// A y-axis title rotated to read bottom-up, centred on [top, bottom], shortened to fit.
    static func leftTitle(
        _ title: String, x: Double, top: Double, bottom: Double, fontSize: Double
    ) -> [SVGNode] {
        guard !title.isEmpty else { return [] }
        let shown = TextMetrics.truncate(title, maxWidth: bottom - top, fontSize: fontSize)
        // Rotated by -90° about its anchor, the text's baseline runs vertically at `x + ascent`.
        return [
            Draw.text(
                shown, x: x + fontSize * 0.9, y: (top + bottom) / 2, className: "sr-axis-title",
                anchor: .middle,
                rotation: -90, fullText: title)
        ]
    }

    /// An x-axis title centred on [left, right] with its baseline at `baseline`, shortened to fit.
    static func bottomTitle(
        _ title: String, left: Double, right: Double, baseline: Double, fontSize: Double
    )
        -> [SVGNode]
    {
        guard !title.isEmpty else { return [] }
        let shown = TextMetrics.truncate(title, maxWidth: right - left, fontSize: fontSize)
        return [
            Draw.text(
                shown, x: (left + right) / 2, y: baseline, className: "sr-axis-title", anchor: .middle,
                fullText: title)
        ]
    }
}
