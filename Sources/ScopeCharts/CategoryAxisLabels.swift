import Foundation

/// Labels under vertical bars: horizontal when they fit (wrapped to up to three lines), thinned when
/// they are numbers such as years, otherwise rotated by 45° and shortened, with the full text kept in a
/// `<title>`. Computes the height the labels need before anything is drawn.
struct CategoryAxisLabels {
    enum Mode: Equatable {
        case horizontal(lines: Int)
        /// Every `every`-th label is drawn, horizontally.
        case thinned(every: Int)
        /// Rotated −45°, every `every`-th label.
        case rotated(every: Int, maxWidth: Double)
    }

    let labels: [String]
    let mode: Mode
    let fontSize: Double
    /// Height below the plot the labels need (from the plot's bottom edge).
    let height: Double
    /// How far rotated labels reach left of the first category's centre.
    let leftOverhang: Double

    init(labels: [String], band: Double, fontSize: Double, maxRotatedWidth: Double) {
        self.labels = labels
        self.fontSize = fontSize
        let gap = AxisDrawing.gap(fontSize)
        let widths = labels.map { TextMetrics.width(of: $0, fontSize: fontSize) }
        let widest = widths.max() ?? 0
        let lineHeight = TextMetrics.lineHeight(fontSize: fontSize)
        let available = band - gap
        let wrappedLineCounts = labels.map {
            TextMetrics.wrap($0, maxWidth: max(available, 1), fontSize: fontSize).count
        }
        let wrapsCleanly = labels.allSatisfy { label in
            TextMetrics.wrap(label, maxWidth: max(available, 1), fontSize: fontSize, maxLines: 3)
                .allSatisfy { !$0.hasSuffix(TextMetrics.ellipsis) }
                && label.split(separator: " ").allSatisfy {
                    TextMetrics.width(of: String($0), fontSize: fontSize) <= available
                }
        }
        let isNumeric = !labels.isEmpty && labels.allSatisfy { Double($0) != nil }
        if widest <= available {
            mode = .horizontal(lines: 1)
        } else if wrapsCleanly, let most = wrappedLineCounts.max(), most <= 3 {
            mode = .horizontal(lines: most)
        } else if isNumeric {
            mode = .thinned(every: Int((widest + gap) / max(band, 0.01)) + 1)
        } else {
            let every = Int((lineHeight / sin(Double.pi / 4)) / max(band, 0.01)) + 1
            mode = .rotated(every: every, maxWidth: maxRotatedWidth)
        }
        switch mode {
        case .horizontal(let lines):
            height = gap + fontSize * 0.9 + Double(lines - 1) * lineHeight + fontSize * 0.3
            leftOverhang = (widths.first ?? 0) / 2
        case .thinned:
            height = gap + fontSize * 1.2
            leftOverhang = (widths.first ?? 0) / 2
        case .rotated(_, let maxWidth):
            let longest = min(widest, maxWidth)
            height = gap + (longest + fontSize) * sin(Double.pi / 4)
            leftOverhang = (min(widths.first ?? 0, maxWidth) + fontSize * 0.5) * sin(Double.pi / 4)
        }
    }

    /// Label nodes for categories centred at `centres`, below `plotBottom`.
    func nodes(centres: [Double], plotBottom: Double) -> [SVGNode] {
        let gap = AxisDrawing.gap(fontSize)
        var nodes: [SVGNode] = []
        for (index, (label, centre)) in zip(labels, centres).enumerated() {
            switch mode {
            case .horizontal(let lines):
                let band = centres.count > 1 ? centres[1] - centres[0] : .infinity
                let wrapped =
                    lines == 1
                    ? [label]
                    : TextMetrics.wrap(
                        label, maxWidth: max(band - gap, 1), fontSize: fontSize, maxLines: lines)
                nodes.append(
                    Draw.multilineText(
                        wrapped, x: centre, y: plotBottom + gap + fontSize * 0.9, className: "sr-label",
                        anchor: .middle, lineHeight: TextMetrics.lineHeight(fontSize: fontSize),
                        fullText: label))
            case .thinned(let every):
                guard index % every == 0 else { continue }
                nodes.append(
                    Draw.text(
                        label, x: centre, y: plotBottom + gap + fontSize * 0.9, className: "sr-label",
                        anchor: .middle))
            case .rotated(let every, let maxWidth):
                guard index % every == 0 else { continue }
                let shown = TextMetrics.truncate(label, maxWidth: maxWidth, fontSize: fontSize)
                // Anchored at its end just below the bar centre, so the text runs down-left from the bar.
                let x = centre + fontSize * 0.3
                let y = plotBottom + gap + fontSize * 0.3
                nodes.append(
                    Draw.text(
                        shown, x: x, y: y, className: "sr-label", anchor: .end, rotation: -45, fullText: label
                    ))
            }
        }
        return nodes
    }
}
