import Foundation

/// Column headers of a heat map, laid out so that every header is readable in full whenever possible:
/// horizontal and wrapped at spaces and hyphens when each fits its column in up to three lines,
/// otherwise rotated by −45° (with the grid narrowed so the last headers stay inside the chart) or, when
/// the columns are too narrow for slanted text, by −90°. A word longer than the whole allowance is
/// shortened with an ellipsis, and the full header goes into a `<title>`.
struct HeatMapHeaders {
    enum Orientation: Equatable {
        case horizontal
        /// Rotated by −45°, reading upwards to the right from above its column.
        case diagonal
        /// Rotated by −90°, reading bottom-up.
        case vertical

        var angle: Double {
            switch self {
            case .horizontal: return 0
            case .diagonal: return -45
            case .vertical: return -90
            }
        }
    }

    let orientation: Orientation
    let columns: [String]
    let lines: [[String]]
    let fontSize: Double
    /// Space the headers take above the grid, including the gap to the grid.
    let height: Double
    /// Left and right edge of the grid; the right edge moves in when slanted headers need the room.
    let gridLeft: Double
    let gridRight: Double

    /// How far a glyph reaches above its baseline and below it, in em (DejaVu Sans, with some air).
    private static let ascent = 0.8
    private static let descent = 0.25

    /// `right` is the rightmost x any text may reach; `rotatedAllowance` the longest rotated line (a
    /// longer header takes a second line where the columns leave room for one).
    init(columns: [String], gridLeft: Double, right: Double, fontSize: Double, rotatedAllowance: Double) {
        self.columns = columns
        self.fontSize = fontSize
        self.gridLeft = gridLeft
        let gap = AxisDrawing.gap(fontSize)
        let count = Double(max(columns.count, 1))
        let fullWidth = max(right - gridLeft, fontSize)

        let horizontal = columns.map {
            TextMetrics.wrapAtWordBoundaries(
                $0, maxWidth: max(fullWidth / count - gap, fontSize), fontSize: fontSize, maxLines: 3)
        }
        if horizontal.allSatisfy(\.isComplete) {
            orientation = .horizontal
            lines = horizontal.map(\.lines)
            height = Double(lines.map(\.count).max() ?? 1) * TextMetrics.lineHeight(fontSize: fontSize) + gap
            gridRight = gridLeft + fullWidth
            return
        }

        // Slanted is easier to read; upright is the fallback when slanted headers would squeeze the grid
        // below 60 % of its width or not fit side by side. Two-line headers only where they fit; when
        // nothing fits, the columns are too narrow for anything but one upright line each.
        let layout = { (orientation: Orientation, maxLines: Int) -> (lines: [[String]], gridWidth: Double) in
            let lines = columns.map {
                TextMetrics.wrapAtWordBoundaries(
                    $0, maxWidth: rotatedAllowance, fontSize: fontSize, maxLines: maxLines
                )
                .lines
            }
            return (
                lines,
                Self.gridWidth(for: lines, orientation: orientation, fullWidth: fullWidth, fontSize: fontSize)
            )
        }
        let preferences: [(Orientation, maxLines: Int)] = [(.diagonal, 2), (.diagonal, 1), (.vertical, 2)]
        let fitting = preferences.lazy.map { ($0.0, layout($0.0, $0.maxLines)) }.first {
            orientation, candidate in
            candidate.gridWidth >= fullWidth * 0.6
                && Self.fitSideBySide(
                    candidate.lines, orientation: orientation, cellWidth: candidate.gridWidth / count,
                    fontSize: fontSize)
        }
        let (chosen, chosenLayout) = fitting ?? (.vertical, layout(.vertical, 1))
        orientation = chosen
        lines = chosenLayout.lines
        gridRight = gridLeft + chosenLayout.gridWidth
        let extents = chosenLayout.lines.map { Self.extent(of: $0, orientation: chosen, fontSize: fontSize) }
        height = (extents.map { $0.rise + $0.drop }.max() ?? 0) + gap
    }

    var cellWidth: Double { (gridRight - gridLeft) / Double(max(columns.count, 1)) }

    func centre(ofColumn index: Int) -> Double {
        gridLeft + cellWidth * (Double(index) + 0.5)
    }

    /// The header nodes, ending just above `gridTop`.
    func nodes(gridTop: Double) -> [SVGNode] {
        let gap = AxisDrawing.gap(fontSize)
        let lineHeight = TextMetrics.lineHeight(fontSize: fontSize)
        var nodes: [SVGNode] = []
        for (column, shown) in lines.enumerated() {
            let x = centre(ofColumn: column)
            switch orientation {
            case .horizontal:
                // Bottom-aligned so every header's last line sits just above the grid.
                let firstBaseline =
                    gridTop - gap - Double(shown.count - 1) * lineHeight - Self.descent * fontSize
                nodes.append(
                    Draw.multilineText(
                        shown, x: x, y: firstBaseline, className: "sr-label", anchor: .middle,
                        lineHeight: lineHeight, fullText: columns[column]))
            case .diagonal, .vertical:
                // Drawn unrotated around the origin, centred across the column's axis, then turned and
                // moved so that its lowest point sits a gap above the grid.
                let drop = Self.extent(of: shown, orientation: orientation, fontSize: fontSize).drop
                let transform =
                    "translate(\(SVGNumber.format(x)) \(SVGNumber.format(gridTop - gap - drop))) "
                    + "rotate(\(SVGNumber.format(orientation.angle)))"
                nodes.append(
                    .element(
                        "g",
                        [SVGAttribute("class", "sr-rotated-label"), SVGAttribute("transform", transform)],
                        [
                            Draw.multilineText(
                                shown, x: 0, y: Self.firstBaseline(lines: shown.count, fontSize: fontSize),
                                className: "sr-label", lineHeight: lineHeight, fullText: columns[column])
                        ]))
            }
        }
        return nodes
    }

    /// Whether rotated headers of neighbouring columns keep apart: they run parallel, a column width ×
    /// |sin angle| apart, and each is as thick as its lines plus a little air.
    private static func fitSideBySide(
        _ lines: [[String]], orientation: Orientation, cellWidth: Double, fontSize: Double
    ) -> Bool {
        let mostLines = Double(lines.map(\.count).max() ?? 1)
        let thickness =
            (mostLines - 1) * TextMetrics.lineHeight(fontSize: fontSize) + (ascent + descent + 0.2) * fontSize
        return cellWidth * abs(sin(orientation.angle * Double.pi / 180)) >= thickness
    }

    /// Baseline of the first of `lines` lines whose block is centred on y = 0 (before rotation).
    private static func firstBaseline(lines: Int, fontSize: Double) -> Double {
        -Double(lines - 1) * TextMetrics.lineHeight(fontSize: fontSize) / 2 + 0.35 * fontSize
    }

    /// How far a rotated header reaches from its anchor: left and right of it, above and below it.
    private struct Extent {
        var left = 0.0
        var right = 0.0
        var rise = 0.0
        var drop = 0.0
    }

    /// The bounding box of the header's rotated line boxes, relative to its anchor.
    private static func extent(of lines: [String], orientation: Orientation, fontSize: Double) -> Extent {
        let angle = orientation.angle * Double.pi / 180
        let lineHeight = TextMetrics.lineHeight(fontSize: fontSize)
        let first = firstBaseline(lines: lines.count, fontSize: fontSize)
        var extent = Extent()
        for (index, line) in lines.enumerated() {
            let baseline = first + Double(index) * lineHeight
            let length = TextMetrics.width(of: line, fontSize: fontSize)
            for u in [0, length] {
                for v in [baseline - ascent * fontSize, baseline + descent * fontSize] {
                    // SVG's rotate(θ) maps (u, v) to (u cos θ − v sin θ, u sin θ + v cos θ).
                    let x = u * cos(angle) - v * sin(angle)
                    let y = u * sin(angle) + v * cos(angle)
                    extent.left = min(extent.left, x)
                    extent.right = max(extent.right, x)
                    extent.rise = max(extent.rise, -y)
                    extent.drop = max(extent.drop, y)
                }
            }
        }
        return extent
    }

    /// The widest grid (at most `fullWidth`) over which no rotated header reaches past the right edge.
    private static func gridWidth(
        for lines: [[String]], orientation: Orientation, fullWidth: Double, fontSize: Double
    ) -> Double {
        let count = Double(lines.count)
        var width = fullWidth
        for (index, shown) in lines.enumerated() {
            // Column `index` is centred at (index + 0.5) / count of the grid width.
            let reach = extent(of: shown, orientation: orientation, fontSize: fontSize).right
            let fraction = (Double(index) + 0.5) / count
            if fraction * fullWidth + reach > fullWidth {
                width = min(width, (fullWidth - reach) / fraction)
            }
        }
        return max(width, 0)
    }
}
