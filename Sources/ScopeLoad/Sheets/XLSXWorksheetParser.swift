import Foundation
import ScopeDiagnostics

/// Streams a worksheet part's `<sheetData>` into rows of text cells. Rows and cells are placed by
/// their `r` references, so rows and cells a sparse sheet leaves out come back as empty cells, each
/// still knowing its place.
final class XLSXWorksheetParser: XLSXElementHandler {
    /// Everything about the workbook that gives a stored value its text.
    struct Context {
        var sheetName: String
        var sharedStrings: [String]
        var numberPresentations: [XLSXNumberPresentation]
        var uses1904Dates: Bool
    }

    /// The cell being read: its place, its `t` and `s` attributes, and the text of its `<v>` or `<is>`.
    private struct PendingCell {
        var column: Int
        var row: Int
        var type: String?
        var style: Int
        var text = ""
    }

    /// Sheet rows by row number − 1; a row holds cells by column number − 1.
    private(set) var rows: [[RawCell]] = []
    private let context: Context
    private let limits: XLSXLimits
    private let problems: XLSXProblems
    private let sheetPrefix: String
    private var columnNames: [String] = [""]
    private var cellCount = 0
    private var inSheetData = false
    private var rowNumber = 0
    private var lastColumn = 0
    private var cell: PendingCell?
    private var collectingText = false
    private var inInlineString = false
    private var phoneticDepth = 0

    private init(context: Context, limits: XLSXLimits, problems: XLSXProblems) {
        self.context = context
        self.limits = limits
        self.problems = problems
        sheetPrefix = XLSXCellReference.sheetPrefix(context.sheetName)
    }

    static func parse(
        _ data: Data, part: String, context: Context, limits: XLSXLimits, problems: XLSXProblems
    ) throws(DiagnosticsError) -> [[RawCell]] {
        let handler = XLSXWorksheetParser(context: context, limits: limits, problems: problems)
        try XLSXXMLDriver.parse(data, part: part, with: handler, limits: limits, problems: problems)
        handler.dropFormattingOnlyCells()
        return handler.rows
    }

    /// Trailing empty cells of a row and trailing empty rows carry formatting, not data.
    private func dropFormattingOnlyCells() {
        for index in rows.indices {
            while rows[index].last?.text.isEmpty == true { rows[index].removeLast() }
        }
        while rows.last?.isEmpty == true { rows.removeLast() }
    }

    func startElement(_ name: Substring, attributes: [String: String]) throws(DiagnosticsError) {
        if cell != nil {
            startInsideCell(name)
            return
        }
        switch name {
        case "sheetData": inSheetData = true
        case "row" where inSheetData: try startRow(attributes)
        case "c" where inSheetData: try startCell(attributes)
        default: break
        }
    }

    func endElement(_ name: Substring) throws(DiagnosticsError) {
        switch name {
        case "v": collectingText = false
        case "t" where inInlineString: collectingText = false
        case "rPh": phoneticDepth -= 1
        case "is": inInlineString = false
        case "c": if let finished = cell { try place(finished) }
        case "sheetData": inSheetData = false
        default: break
        }
    }

    func characters(_ text: String) {
        if collectingText { cell?.text += text }
    }

    private func startInsideCell(_ name: Substring) {
        switch name {
        case "v": collectingText = true
        case "is": inInlineString = true
        case "rPh": phoneticDepth += 1
        // Rich-text runs of an inline string each hold a `<t>`; phonetic guides' `<t>` are not text.
        case "t" where inInlineString: collectingText = phoneticDepth == 0
        default: break
        }
    }

    private func startRow(_ attributes: [String: String]) throws(DiagnosticsError) {
        // `r` is optional: without it a row follows the previous one.
        if let reference = attributes["r"] {
            guard let number = Int(reference), number > 0 else {
                throw problems.error("row \(rowNumber + 1) has an invalid row number '\(reference)'")
            }
            rowNumber = number
        } else {
            rowNumber += 1
        }
        try checkRowLimit(rowNumber)
        lastColumn = 0
    }

    private func startCell(_ attributes: [String: String]) throws(DiagnosticsError) {
        var column = lastColumn + 1
        var row = rowNumber
        if let reference = attributes["r"] {
            guard let parsed = XLSXCellReference.parse(reference) else {
                throw problems.error("row \(rowNumber) has a cell with an invalid reference '\(reference)'")
            }
            (column, row) = parsed
            try checkRowLimit(row)
        }
        // A cell without a reference takes its row from the enclosing <row>; before any row it has none.
        guard row >= 1 else {
            throw problems.error(
                "the sheet has a cell without a reference before its first row; the file is damaged")
        }
        guard column <= limits.maxColumns else {
            throw problems.error(
                "the sheet has a cell in column \(column), past the limit of \(limits.maxColumns) columns "
                    + "(limits: max_columns)", cell: cellName(column: column, row: row))
        }
        lastColumn = column
        let style = attributes["s"].flatMap { Int($0) } ?? 0
        cell = PendingCell(column: column, row: row, type: attributes["t"], style: style)
    }

    private func checkRowLimit(_ row: Int) throws(DiagnosticsError) {
        guard row <= limits.maxRows else {
            throw problems.error(
                "the sheet has a row numbered \(row), past the limit of \(limits.maxRows) rows (limits: max_rows)"
            )
        }
    }

    private func place(_ finished: PendingCell) throws(DiagnosticsError) {
        cell = nil
        collectingText = false
        inInlineString = false
        phoneticDepth = 0
        let location = problems.location(cell: cellName(column: finished.column, row: finished.row))
        let text = try text(of: finished, at: location.cell)
        guard text.utf16.count <= limits.maxCellCharacters else {
            throw problems.error(
                "the cell has \(text.utf16.count) characters, over the limit of \(limits.maxCellCharacters) "
                    + "(limits: max_cell_characters)", cell: location.cell)
        }
        // A blank cell is one that is not there: formatted but empty cells (often whole rows and columns
        // of them) cost nothing, and the row ends at its last value.
        guard !text.isEmpty else { return }
        while rows.count < finished.row { rows.append([]) }
        let rowIndex = finished.row - 1
        let columnIndex = finished.column - 1
        if columnIndex < rows[rowIndex].count {
            // Cells normally come in column order; one out of order fills its gap, but a second value
            // for the same cell is a broken file: neither value can be trusted over the other.
            guard rows[rowIndex][columnIndex].text.isEmpty else {
                throw problems.error(
                    "the worksheet gives this cell twice ('\(rows[rowIndex][columnIndex].text)', then '\(text)'); "
                        + "the file is damaged: open it in Excel and save it again", cell: location.cell)
            }
            rows[rowIndex][columnIndex].text = text
            return
        }
        cellCount += columnIndex - rows[rowIndex].count + 1
        guard cellCount <= limits.maxCells else {
            throw problems.error(
                "the sheet has more than \(limits.maxCells) cells, counting blank ones between values "
                    + "(raise 'max_cells' under 'sheet: limits:' if it is right)", cell: location.cell)
        }
        while rows[rowIndex].count < columnIndex {
            let gapColumn = rows[rowIndex].count + 1
            let gapName = cellName(column: gapColumn, row: finished.row)
            rows[rowIndex].append(RawCell(text: "", location: problems.location(cell: gapName)))
        }
        rows[rowIndex].append(RawCell(text: text, location: location))
    }

    private func text(of cell: PendingCell, at location: String?) throws(DiagnosticsError) -> String {
        // A formatted but empty cell, or a formula without a cached result.
        if cell.text.isEmpty { return "" }
        switch cell.type {
        case "s":
            guard let index = Int(cell.text), context.sharedStrings.indices.contains(index) else {
                throw problems.error(
                    "the cell refers to shared string '\(cell.text)', but the workbook has "
                        + "\(context.sharedStrings.count) shared strings", cell: location)
            }
            return context.sharedStrings[index]
        case "inlineStr", "str":
            return XLSXText.unescape(cell.text)
        case "b":
            switch cell.text {
            case "1", "true": return "TRUE"
            case "0", "false": return "FALSE"
            default: throw problems.error("the boolean cell holds '\(cell.text)', not 1 or 0", cell: location)
            }
        // Errors (`#DIV/0!`) and ISO 8601 dates (`t="d"`) are stored as the text to show.
        case "e", "d":
            return cell.text
        case nil, "n":
            return try numberText(of: cell, at: location)
        case let type?:
            throw problems.error("the cell has an unknown type t=\"\(type)\"", cell: location)
        }
    }

    private func numberText(of cell: PendingCell, at location: String?) throws(DiagnosticsError) -> String {
        guard let value = CellParser.decimal(cell.text) else {
            throw problems.error(
                "the numeric cell holds '\(cell.text)', which is not a number", cell: location)
        }
        let presentations = context.numberPresentations
        let presentation = presentations.indices.contains(cell.style) ? presentations[cell.style] : .number
        switch presentation {
        case .number:
            return XLSXValueText.number(value)
        case .boolean:
            return value != 0 ? "TRUE" : "FALSE"
        case .date, .dateTime:
            let date = XLSXValueText.date(
                serial: value, uses1904Dates: context.uses1904Dates, withTime: presentation == .dateTime)
            return date ?? XLSXValueText.number(value)
        }
    }

    /// `Extraction!G14`; column letters are cached because every cell of a column needs the same ones.
    private func cellName(column: Int, row: Int) -> String {
        while columnNames.count <= column {
            columnNames.append(XLSXCellReference.columnName(columnNames.count))
        }
        return sheetPrefix + columnNames[column] + String(row)
    }
}
