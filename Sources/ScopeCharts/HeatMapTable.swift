import ScopeDiagnostics

/// A cross-tabulation drawn as a table of coloured cells: rows × columns of counts, each cell showing its
/// text (the count, or caller-supplied text such as "12 (34 %)"), shaded on a colour-blind-safe blue scale
/// with black or white text chosen for contrast. Zero cells stay white. Row labels and column headers
/// wrap only between words or after a hyphen; headers too wide for their columns are slanted or upright
/// (see `HeatMapHeaders`), so that every label is shown whole whenever it can be.
public struct HeatMapTable: Sendable {
    public var id: String
    public var title: String
    public var description: String
    /// Title above the column labels; empty for none.
    public var columnLabel: String
    /// Title left of the row labels; empty for none.
    public var rowLabel: String
    public var rows: [String]
    public var columns: [String]
    /// `counts[row][column]`; missing cells count as zero.
    public var counts: [[Int]]
    /// Optional `cellText[row][column]` shown instead of the count.
    public var cellText: [[String]]?
    public var style: ChartStyle

    public init(
        id: String, title: String, description: String, columnLabel: String, rowLabel: String, rows: [String],
        columns: [String], counts: [[Int]], cellText: [[String]]? = nil, style: ChartStyle = ChartStyle()
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.columnLabel = columnLabel
        self.rowLabel = rowLabel
        self.rows = rows
        self.columns = columns
        self.counts = counts
        self.cellText = cellText
        self.style = style
    }

    private func count(_ row: Int, _ column: Int) -> Int {
        row < counts.count && column < counts[row].count ? counts[row][column] : 0
    }

    private func text(_ row: Int, _ column: Int) -> String {
        if let cellText, row < cellText.count, column < cellText[row].count { return cellText[row][column] }
        return String(count(row, column))
    }

    /// The chart as a standalone SVG document.
    public func render() -> String {
        let identity = ChartIdentity(id: id, title: title, description: description)
        let kind = "heat-map-table"
        guard !rows.isEmpty, !columns.isEmpty else {
            return ChartDocument.renderNoData(identity, kind: kind, style: style)
        }
        let fontSize = style.fontSize
        let pad = fontSize * 0.5
        let gap = AxisDrawing.gap(fontSize)
        let lineHeight = TextMetrics.lineHeight(fontSize: fontSize)
        let width = style.width

        let rowTitleWidth = AxisDrawing.titleExtent(rowLabel, fontSize: fontSize)
        // Row labels give up width so that column headers can stay horizontal: down to 18 % of the chart,
        // but never below what shows every row label whole in two lines (three if two would need more
        // than the 30 % they may take at most).
        let longestHeaderPiece =
            columns.map { TextMetrics.widestUnbreakablePiece(of: $0, fontSize: fontSize) }.max() ?? 0
        let wholeRowsWidth = { (lines: Int) in
            rows.map { TextMetrics.narrowestWidth(of: $0, maxLines: lines, fontSize: fontSize) }.max() ?? 0
        }
        let rowLineLimit = wholeRowsWidth(2) <= width * 0.3 ? 2 : 3
        let wantedGridWidth = Double(columns.count) * (longestHeaderPiece + 2 * gap)
        let rowBudget = min(
            width * 0.3,
            max(
                width * 0.18, wholeRowsWidth(rowLineLimit),
                width - 2 * pad - rowTitleWidth - gap - wantedGridWidth))
        let rowLines = rows.map {
            TextMetrics.wrapAtWordBoundaries(
                $0, maxWidth: rowBudget, fontSize: fontSize, maxLines: rowLineLimit
            )
            .lines
        }
        let rowLabelWidth =
            rowLines.flatMap { $0 }.map { TextMetrics.width(of: $0, fontSize: fontSize) }.max() ?? 0
        let headers = HeatMapHeaders(
            columns: columns, gridLeft: pad + rowTitleWidth + rowLabelWidth + gap, right: width - pad,
            fontSize: fontSize, rotatedAllowance: width * 0.5)
        let gridLeft = headers.gridLeft
        let cellWidth = headers.cellWidth
        let columnTitleHeight = columnLabel.isEmpty ? 0 : lineHeight + gap
        let gridTop = pad + columnTitleHeight + headers.height
        let cellHeight = max(
            fontSize * 2, Double(rowLines.map(\.count).max() ?? 1) * lineHeight + fontSize * 0.6)
        let height = style.height ?? gridTop + cellHeight * Double(rows.count) + pad
        let largest = max(
            1, rows.indices.flatMap { row in columns.indices.map { count(row, $0) } }.max() ?? 1)

        var body: [SVGNode] = []
        if !columnLabel.isEmpty {
            body += AxisDrawing.bottomTitle(
                columnLabel, left: gridLeft, right: headers.gridRight, baseline: pad + fontSize * 0.9,
                fontSize: fontSize)
        }
        body.append(
            .element("g", [SVGAttribute("class", "sr-column-labels")], headers.nodes(gridTop: gridTop)))
        var cells: [SVGNode] = []
        var rowHeaders: [SVGNode] = []
        for (row, lines) in rowLines.enumerated() {
            let top = gridTop + cellHeight * Double(row)
            let centreY = top + cellHeight / 2
            rowHeaders.append(
                Draw.multilineText(
                    lines, x: gridLeft - gap,
                    y: centreY - Double(lines.count - 1) * lineHeight / 2 + fontSize * 0.35,
                    className: "sr-label", anchor: .end, lineHeight: lineHeight, fullText: rows[row]))
            for column in columns.indices {
                let value = count(row, column)
                let fill =
                    value > 0 ? HeatMapColors.fill(Double(value) / Double(largest)) : Palette.background
                let textColor = value > 0 ? HeatMapColors.text(on: fill) : Palette.mutedText
                let x = gridLeft + cellWidth * Double(column)
                let cellText = text(row, column)
                cells.append(
                    Draw.rect(
                        x: x, y: top, width: cellWidth, height: cellHeight, className: "sr-cell", fill: fill,
                        title:
                            "\(BidiIsolation.isolated(rows[row])), \(BidiIsolation.isolated(columns[column])): \(cellText)",
                        extra: [SVGAttribute("stroke", Palette.background), SVGAttribute("stroke-width", 2)]))
                cells.append(
                    Draw.text(
                        TextMetrics.truncate(cellText, maxWidth: cellWidth - gap, fontSize: fontSize),
                        x: x + cellWidth / 2, y: centreY + fontSize * 0.35,
                        className: textColor == "#FFFFFF"
                            ? "sr-cell-text sr-cell-text-light" : "sr-cell-text",
                        fill: textColor, anchor: .middle, fullText: cellText))
            }
        }
        body.append(.element("g", [SVGAttribute("class", "sr-row-labels")], rowHeaders))
        body.append(.element("g", [SVGAttribute("class", "sr-cells")], cells))
        body += AxisDrawing.leftTitle(
            rowLabel, x: pad, top: gridTop, bottom: gridTop + cellHeight * Double(rows.count),
            fontSize: fontSize)
        return ChartDocument.render(
            identity, kind: kind, width: width, height: height, fontSize: fontSize, body: body)
    }
}
