/// A legend above the plot: colour swatches with series names, flowing into as many rows as the width
/// needs. Names longer than the row are shortened, with the full name in a `<title>`.
struct Legend {
    struct Entry {
        let name: String
        let seriesIndex: Int
    }

    let entries: [Entry]
    let fontSize: Double
    let left: Double
    let maxWidth: Double
    private let rows: [[(entry: Entry, shown: String, x: Double)]]

    init(entries: [Entry], left: Double, maxWidth: Double, fontSize: Double) {
        self.entries = entries
        self.fontSize = fontSize
        self.left = left
        self.maxWidth = maxWidth
        let swatch = fontSize * 0.8
        let spacing = fontSize
        var rows: [[(entry: Entry, shown: String, x: Double)]] = [[]]
        var x = 0.0
        for entry in entries {
            let shown = TextMetrics.truncate(
                entry.name, maxWidth: maxWidth - swatch - spacing, fontSize: fontSize)
            let width = swatch + AxisDrawing.gap(fontSize) + TextMetrics.width(of: shown, fontSize: fontSize)
            if x > 0, x + width > maxWidth {
                rows.append([])
                x = 0
            }
            rows[rows.count - 1].append((entry, shown, x))
            x += width + spacing
        }
        self.rows = entries.isEmpty ? [] : rows
    }

    var rowHeight: Double { fontSize * 1.4 }

    /// Total height including the space below the legend.
    var height: Double { rows.isEmpty ? 0 : Double(rows.count) * rowHeight + fontSize * 0.4 }

    func nodes(top: Double) -> [SVGNode] {
        let swatch = fontSize * 0.8
        var items: [SVGNode] = []
        for (rowIndex, row) in rows.enumerated() {
            let centreY = top + (Double(rowIndex) + 0.5) * rowHeight
            for item in row {
                let x = left + item.x
                items.append(
                    Draw.rect(
                        x: x, y: centreY - swatch / 2, width: swatch, height: swatch,
                        className:
                            "sr-legend-swatch sr-series-\(item.entry.seriesIndex % Palette.series.count + 1)",
                        fill: Palette.color(ofSeries: item.entry.seriesIndex)))
                items.append(
                    Draw.text(
                        item.shown, x: x + swatch + AxisDrawing.gap(fontSize), y: centreY + fontSize * 0.35,
                        className: "sr-legend-label", fullText: item.entry.name))
            }
        }
        return [.element("g", [SVGAttribute("class", "sr-legend")], items)]
    }
}
