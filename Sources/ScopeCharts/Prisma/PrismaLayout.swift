import ScopeLoad

/// Where every box, line of text and arrow of the diagram goes, following the PRISMA 2020 templates:
/// phase bands on the left, the previous-review column (updates), the main column with its exclusion
/// boxes to the right, and the other-methods column with its own. Boxes in a row share one height,
/// grown to fit the longest text; rows without any box are left out.
struct PrismaLayout {
    struct Rect {
        var x, y, width, height: Double
        var midX: Double { x + width / 2 }
        var midY: Double { y + height / 2 }
        var maxX: Double { x + width }
        var maxY: Double { y + height }
    }

    struct PlacedLine {
        var runs: [TextRun]
        var x: Double
        var baseline: Double
        var centred: Bool
        /// Phase labels read bottom to top, turned about their own anchor.
        var rotated: Bool
    }

    struct PlacedBox {
        enum Kind { case count, columnTitle, mainColumnTitle, phase }
        var box: PrismaBox
        var kind: Kind
        var frame: Rect
        var lines: [PlacedLine]
    }

    /// A polyline whose last point is the tip of its arrowhead.
    struct Arrow {
        var points: [(x: Double, y: Double)]
    }

    static let fontSize = 12.0
    static let lineHeight = TextMetrics.lineHeight(fontSize: fontSize)
    static let paddingX = 8.0
    static let paddingY = 7.0
    static let margin = 16.0
    static let bandWidth = 26.0
    static let bandGap = 12.0
    /// Between column groups (previous review, databases and registers, other methods).
    static let groupGap = 36.0
    /// Between a box and the exclusion box its arrow points to.
    static let arrowGap = 40.0
    /// Between rows: room for a downward arrow.
    static let rowGap = 28.0
    static let titleGap = 16.0
    /// A box is as wide as its longest line, between these, so that a list of databases is one name a
    /// line and a one-line box is not a wide empty frame.
    static let narrowest = 150.0
    static let widest = 300.0
    /// The diagram's widest: shown in the default page's column (about 860 px in a 1280 px window)
    /// at its own size, its 12-unit text is at least 11 px. Exclusion boxes wrap first to stay within.
    static let widthBudget = 930.0

    private(set) var width = 0.0
    private(set) var height = 0.0
    private(set) var boxes: [PlacedBox] = []
    private(set) var arrows: [Arrow] = []

    private enum Column { case previous, main, side, other, otherSide }
    private enum Phase: CaseIterable { case identification, screening, included }
    private struct Row {
        var phase: Phase
        var slots: [(box: PrismaBox, column: Column)]
    }

    private let flow: PrismaFlow
    private var columns: [Column: (x: Double, width: Double)] = [:]

    init(_ flow: PrismaFlow) {
        self.flow = flow
        placeColumns()
        let top = placeColumnTitles(top: Self.margin) + Self.titleGap
        placePhaseBands(placeRows(top: top))
        placeArrows()
        height = (boxes.map(\.frame.maxY).max() ?? top) + Self.margin
    }

    func frame(of box: PrismaBox) -> Rect? { boxes.first { $0.box == box }?.frame }

    // MARK: - Columns

    private static let rows: [Row] = [
        Row(
            phase: .identification,
            slots: [
                (.previousReview, .previous), (.recordsIdentified, .main), (.removedBeforeScreening, .side),
                (.otherRecordsIdentified, .other),
            ]),
        Row(phase: .screening, slots: [(.recordsScreened, .main), (.recordsExcluded, .side)]),
        Row(
            phase: .screening,
            slots: [
                (.reportsSought, .main), (.reportsNotRetrieved, .side), (.otherReportsSought, .other),
                (.otherReportsNotRetrieved, .otherSide),
            ]),
        Row(
            phase: .screening,
            slots: [
                (.reportsAssessed, .main), (.reportsExcluded, .side), (.otherReportsAssessed, .other),
                (.otherReportsExcluded, .otherSide),
            ]),
        Row(phase: .included, slots: [(.includedStudies, .main)]),
        Row(phase: .included, slots: [(.totalStudies, .main)]),
    ]

    /// The boxes drawn: those with numbers, less the screening of records when the review had none.
    private func isDrawn(_ box: PrismaBox) -> Bool {
        if !flow.style.screensRecords, box == .recordsScreened || box == .recordsExcluded { return false }
        return flow.paragraphs(for: box) != nil
    }

    private mutating func placeColumns() {
        let used = Set(Self.rows.flatMap(\.slots).filter { isDrawn($0.box) }.map(\.column))
        let order: [Column] = [.previous, .main, .side, .other, .otherSide].filter {
            $0 == .main || used.contains($0)
        }
        func gap(before column: Column) -> Double {
            // An exclusion box sits an arrow's length from its box; column groups stand further apart.
            column == .side || column == .otherSide ? Self.arrowGap : Self.groupGap
        }
        let fixed = 2 * Self.margin + Self.bandWidth + Self.bandGap + order.dropFirst().map(gap).reduce(0, +)
        func natural(_ column: Column) -> Double {
            let widths = Self.rows.flatMap(\.slots).filter { $0.column == column && isDrawn($0.box) }.map {
                naturalWidth($0.box)
            }
            return min(Self.widest, max(Self.narrowest, widths.max() ?? 0))
        }
        // The columns of the flow's boxes first, at their natural width; the exclusion boxes share the rest.
        var widths: [Column: Double] = [:]
        for column in order where column != .side && column != .otherSide { widths[column] = natural(column) }
        let sides = order.filter { $0 == .side || $0 == .otherSide }
        let left = (Self.widthBudget - fixed - widths.values.reduce(0, +)) / Double(max(sides.count, 1))
        for column in sides { widths[column] = min(natural(column), max(Self.narrowest, left)) }
        var x = Self.margin + Self.bandWidth + Self.bandGap
        for (index, column) in order.enumerated() {
            if index > 0 { x += gap(before: column) }
            columns[column] = (x, widths[column]!)
            x += widths[column]!
        }
        width = x + Self.margin
    }

    /// The width of a box whose lines are not wrapped.
    private func naturalWidth(_ box: PrismaBox) -> Double {
        let lines = (flow.paragraphs(for: box) ?? []).map { paragraph in
            paragraph.indent
                + paragraph.runs.reduce(0) {
                    $0 + TextMetrics.width(of: $1.text, fontSize: Self.fontSize, bold: $1.bold)
                }
        }
        return (lines.max() ?? 0) + 2 * Self.paddingX + 1
    }

    /// Title boxes above each column group; returns the bottom of the tallest.
    private mutating func placeColumnTitles(top: Double) -> Double {
        var titles: [(PrismaBox, PlacedBox.Kind, Rect)] = []
        func span(_ first: Column, _ last: Column) -> (x: Double, width: Double)? {
            guard let start = columns[first] else { return nil }
            let end = columns[last] ?? start
            return (start.x, end.x + end.width - start.x)
        }
        if let previous = columns[.previous] {
            titles.append(
                (
                    .previousReviewTitle, .columnTitle,
                    Rect(x: previous.x, y: top, width: previous.width, height: 0)
                ))
        }
        if let main = span(.main, .side) {
            titles.append(
                (.databasesTitle, .mainColumnTitle, Rect(x: main.x, y: top, width: main.width, height: 0)))
        }
        if let other = span(.other, .otherSide) {
            titles.append(
                (.otherMethodsTitle, .columnTitle, Rect(x: other.x, y: top, width: other.width, height: 0)))
        }
        let measured = titles.map { box, kind, frame in
            (box, kind, frame, wrapped(box, width: frame.width, centred: true))
        }
        let rowHeight = measured.map { Self.boxHeight(lines: $0.3.count) }.max() ?? 0
        for (box, kind, frame, lines) in measured {
            var placed = frame
            placed.height = rowHeight
            boxes.append(
                PlacedBox(
                    box: box, kind: kind, frame: placed,
                    lines: Self.position(lines, in: placed, centred: true)))
        }
        return top + rowHeight
    }

    // MARK: - Rows

    private struct PlacedRow {
        var phase: Phase
        var top: Double
        var height: Double
    }

    private mutating func placeRows(top: Double) -> [PlacedRow] {
        var y = top
        var placed: [PlacedRow] = []
        let drawnRows = Self.rows.compactMap { row -> Row? in
            let slots = row.slots.filter { isDrawn($0.box) }
            return slots.isEmpty ? nil : Row(phase: row.phase, slots: slots)
        }
        for (index, row) in drawnRows.enumerated() {
            let measured = row.slots.map { slot -> (PrismaBox, (x: Double, width: Double), [WrappedLine]) in
                let column = columns[slot.column]!
                return (slot.box, column, wrapped(slot.box, width: column.width, centred: false))
            }
            var rowHeight = measured.map { Self.boxHeight(lines: $0.2.count) }.max() ?? 0
            // The phase band's label must fit beside its rows: grow the phase's last row if needed.
            let isLastOfPhase = index == drawnRows.count - 1 || drawnRows[index + 1].phase != row.phase
            if isLastOfPhase {
                let phaseTop = placed.first { $0.phase == row.phase }?.top ?? y
                let needed = phaseLabelLength(row.phase) + 2 * Self.paddingY
                rowHeight = max(rowHeight, needed - (y - phaseTop))
            }
            for (box, column, lines) in measured {
                // A box is as tall as its text, centred on its row, so that the arrow across to an
                // exclusion box stays level.
                let height = Self.boxHeight(lines: lines.count)
                let frame = Rect(
                    x: column.x, y: y + (rowHeight - height) / 2, width: column.width, height: height)
                boxes.append(
                    PlacedBox(
                        box: box, kind: .count, frame: frame,
                        lines: Self.position(lines, in: frame, centred: false)))
            }
            placed.append(PlacedRow(phase: row.phase, top: y, height: rowHeight))
            y += rowHeight + Self.rowGap
        }
        return placed
    }

    private mutating func placePhaseBands(_ rows: [PlacedRow]) {
        for phase in Phase.allCases {
            let phaseRows = rows.filter { $0.phase == phase }
            guard let first = phaseRows.first, let last = phaseRows.last else { continue }
            let box: PrismaBox =
                phase == .identification ? .identification : phase == .screening ? .screening : .included
            let frame = Rect(
                x: Self.margin, y: first.top, width: Self.bandWidth,
                height: last.top + last.height - first.top)
            let runs = flow.paragraphs(for: box)?.first?.runs ?? []
            let line = PlacedLine(
                runs: runs, x: frame.midX + Self.fontSize * 0.35, baseline: frame.midY, centred: true,
                rotated: true)
            boxes.append(PlacedBox(box: box, kind: .phase, frame: frame, lines: [line]))
        }
    }

    private func phaseLabelLength(_ phase: Phase) -> Double {
        let box: PrismaBox =
            phase == .identification ? .identification : phase == .screening ? .screening : .included
        let runs = flow.paragraphs(for: box)?.first?.runs ?? []
        return runs.reduce(0) { $0 + TextMetrics.width(of: $1.text, fontSize: Self.fontSize, bold: $1.bold) }
    }

    // MARK: - Arrows

    private mutating func placeArrows() {
        var connectors: [Column: [(y1: Double, y2: Double)]] = [:]
        // Down each column, from every box to the next one drawn below it.
        let chains: [(Column, [PrismaBox])] = [
            (
                .main,
                [
                    .recordsIdentified, .recordsScreened, .reportsSought, .reportsAssessed, .includedStudies,
                    .totalStudies,
                ]
            ),
            (.other, [.otherRecordsIdentified, .otherReportsSought, .otherReportsAssessed]),
        ]
        for (column, chain) in chains {
            let frames = chain.compactMap { frame(of: $0) }
            for (upper, lower) in zip(frames, frames.dropFirst()) {
                arrows.append(Arrow(points: [(upper.midX, upper.maxY), (upper.midX, lower.y)]))
                connectors[column, default: []].append((upper.maxY, lower.y))
            }
        }
        // Other methods join the included box (or the total box when that is all there is).
        let includedTarget = frame(of: .includedStudies) ?? frame(of: .totalStudies)
        let lastOther = [PrismaBox.otherRecordsIdentified, .otherReportsSought, .otherReportsAssessed]
            .compactMap { frame(of: $0) }.last
        if let last = lastOther, let target = includedTarget, last.maxY < target.midY {
            arrows.append(
                Arrow(points: [(last.midX, last.maxY), (last.midX, target.midY), (target.maxX, target.midY)]))
        }
        // The previous review's studies join the total.
        if let previous = frame(of: .previousReview), let total = frame(of: .totalStudies) {
            arrows.append(
                Arrow(points: [
                    (previous.midX, previous.maxY), (previous.midX, total.midY), (total.x, total.midY),
                ]))
        }
        // Across to each exclusion box: from its box, or where that box is missing, from the arrow
        // passing down the column.
        let pairs: [(source: PrismaBox, target: PrismaBox, column: Column)] = [
            (.recordsIdentified, .removedBeforeScreening, .main), (.recordsScreened, .recordsExcluded, .main),
            (.reportsSought, .reportsNotRetrieved, .main), (.reportsAssessed, .reportsExcluded, .main),
            (.otherReportsSought, .otherReportsNotRetrieved, .other),
            (.otherReportsAssessed, .otherReportsExcluded, .other),
        ]
        for pair in pairs {
            guard let to = frame(of: pair.target) else { continue }
            let y = to.midY
            if let from = frame(of: pair.source) {
                arrows.append(Arrow(points: [(from.maxX, y), (to.x, y)]))
            } else if let column = columns[pair.column],
                connectors[pair.column, default: []].contains(where: { $0.y1 < y && y < $0.y2 })
            {
                arrows.append(Arrow(points: [(column.x + column.width / 2, y), (to.x, y)]))
            }
        }
    }

    // MARK: - Text

    /// A wrapped line before it is placed: its runs and how far its paragraph is indented.
    private struct WrappedLine {
        var runs: [TextRun]
        var indent: Double
    }

    private func wrapped(_ box: PrismaBox, width: Double, centred: Bool) -> [WrappedLine] {
        let inner = width - 2 * Self.paddingX
        return (flow.paragraphs(for: box) ?? []).flatMap { paragraph in
            RunWrapping.wrap(paragraph.runs, maxWidth: inner - paragraph.indent, fontSize: Self.fontSize)
                .map { WrappedLine(runs: $0, indent: centred ? 0 : paragraph.indent) }
        }
    }

    private static func boxHeight(lines: Int) -> Double { 2 * paddingY + Double(lines) * lineHeight }

    /// Baselines for lines centred vertically in `frame`; the text starts at the padding (or is centred).
    private static func position(_ lines: [WrappedLine], in frame: Rect, centred: Bool) -> [PlacedLine] {
        let blockTop = frame.y + (frame.height - Double(lines.count) * lineHeight) / 2
        return lines.enumerated().map { index, line in
            let baseline =
                blockTop + Double(index) * lineHeight + (lineHeight - fontSize) / 2 + fontSize * 0.8
            return PlacedLine(
                runs: line.runs, x: centred ? frame.midX : frame.x + paddingX + line.indent,
                baseline: baseline,
                centred: centred, rotated: false)
        }
    }
}
