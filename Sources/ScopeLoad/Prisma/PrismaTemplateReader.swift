import Foundation
import ScopeDiagnostics

/// Reads the PRISMA2020 package's CSV template into a flow; see `PrismaFlow.fromTemplateCSV`.
struct PrismaTemplateReader {
    let file: String
    var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    mutating func read(_ bytes: [UInt8]) -> PrismaFlow? {
        let content = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        guard content.contains(where: { !" \t\r\n".utf8.contains($0) }) else {
            diagnostics.append(.error("the PRISMA CSV is empty", at: SourceLocation(file: file, line: 1)))
            return nil
        }
        let sheet: RawSheet
        do {
            sheet = try CSVReader.read(bytes, displayPath: file, delimiter: .comma)
        } catch {
            diagnostics += error.diagnostics
            return nil
        }
        let header = sheet.header
        let names = header.map { $0.text.trimmingCharacters(in: .whitespaces) }
        let missing = PrismaTemplateRow.header.filter { !names.contains($0) }
        guard missing.isEmpty else {
            diagnostics.append(
                .error(
                    "the PRISMA CSV needs the columns \(PrismaTemplateRow.header.joined(separator: ",")); missing: "
                        + missing.joined(separator: ", "), at: at(1, 1)))
            return nil
        }
        func column(_ name: String) -> Int { names.firstIndex(of: name)! }

        var flow = PrismaFlow(origin: SourceLocation(file: file))
        var seen: Set<String> = []
        for record in sheet.rows where !record.allSatisfy({ $0.text.isEmpty }) {
            let cell = { (name: String) -> RawCell in
                let index = column(name)
                return index < record.count ? record[index] : RawCell(text: "", location: record[0].location)
            }
            let data = cell("data").text.trimmingCharacters(in: .whitespaces)
            let box = cell("box").text.trimmingCharacters(in: .whitespaces)
            let key = data == "NA" || data.isEmpty ? box : data
            guard let row = PrismaTemplateRow.all.first(where: { $0.key == key }) else {
                diagnostics.append(
                    .warning(
                        "PRISMA: the row '\(key)' is not part of the PRISMA 2020 diagram drawn here; it is left out",
                        at: location(cell("data"))))
                continue
            }
            guard seen.insert(key).inserted else {
                diagnostics.append(
                    .error("the PRISMA CSV has the row '\(key)' twice", at: location(cell("data"))))
                continue
            }
            read(
                row, n: cell("n"), boxtext: cell("boxtext"), tooltip: cell("tooltips"), url: cell("url"),
                into: &flow)
        }
        dropUnusedColumns(&flow)
        if flow.isEmpty {
            diagnostics.append(.error("the PRISMA CSV gives no counts", at: SourceLocation(file: file)))
            return nil
        }
        return flow
    }

    private mutating func read(
        _ row: PrismaTemplateRow, n: RawCell, boxtext: RawCell, tooltip: RawCell,
        url: RawCell, into flow: inout PrismaFlow
    ) {
        let value = n.text.trimmingCharacters(in: .whitespaces)
        let given = !value.isEmpty && value != "NA"
        switch row.content {
        case .count(let count):
            if given, let number = number(value, row: row, at: n) { store(number, count, at: n, in: &flow) }
        case .entries(let count):
            // The package's template leaves 0 in these rows when no names are given.
            if given, value != "0", let entries = entries(value, row: row, at: n) {
                setEntries(entries, of: count, at: n, in: &flow)
            }
        case .countOrEntries(let count):
            guard given else { break }
            if value.contains(",") {
                if let entries = entries(value, row: row, at: n) {
                    setEntries(entries, of: count, at: n, in: &flow)
                }
            } else if let number = number(value, row: row, at: n) {
                store(number, count, at: n, in: &flow)
            }
        case .otherSource:
            if given, let number = number(value, row: row, at: n) {
                let name = meaningful(boxtext.text) ?? row.boxtext
                flow.otherMethodRecords.append(NamedCount(name, number))
                if flow.locations[.otherMethodRecords] == nil {
                    flow.locations[.otherMethodRecords] = location(n)
                }
            }
        case .heading:
            break
        }
        if let label = row.label, let text = meaningful(boxtext.text), text != row.boxtext {
            flow.style.labels[label] = text
        }
        guard let box = row.diagramBox else { return }
        if let text = meaningful(tooltip.text), text != row.tooltip { flow.style.tooltips[box] = text }
        if let link = meaningful(url.text), link != row.url {
            if PrismaLink.isAllowed(link) {
                flow.style.links[box] = link
            } else {
                diagnostics.append(
                    .warning(
                        "PRISMA: the url of '\(row.key)' is not an https:// address ('\(link)'); it is left out",
                        at: location(url)))
            }
        }
    }

    /// The previous-review and other-methods columns are drawn only when they have a number above 0.
    /// The package draws the total box only with the previous review, so totals go with it.
    private func dropUnusedColumns(_ flow: inout PrismaFlow) {
        let previous: [PrismaCount] = [.previousStudies, .previousReports]
        if previous.allSatisfy({ (flow[$0] ?? 0) == 0 }) {
            for count in previous + [.totalStudies, .totalReports] { remove(count, from: &flow) }
        }
        let other = PrismaCount.allCases.filter(\.isOtherMethods)
        let otherNumbers =
            other.compactMap { flow[$0] } + other.flatMap { flow.namedEntries(of: $0).map(\.count) }
        if otherNumbers.allSatisfy({ $0 == 0 }) {
            for count in other { remove(count, from: &flow) }
            flow.otherMethodRecords = []
            flow.otherReportExclusionReasons = []
        }
    }

    private func remove(_ count: PrismaCount, from flow: inout PrismaFlow) {
        flow[count] = nil
        flow.locations[count] = nil
    }

    // MARK: - Cells

    private func at(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    private func location(_ field: RawCell) -> SourceLocation { field.location }

    private func meaningful(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || trimmed == "NA" ? nil : text
    }

    private mutating func number(_ text: String, row: PrismaTemplateRow, at field: RawCell) -> Int? {
        switch CountParsing.count(text) {
        case .success(let value): return value
        case .failure(let failure):
            diagnostics.append(.error("the n of '\(row.key)' \(failure.explanation)", at: location(field)))
            return nil
        }
    }

    private mutating func entries(
        _ text: String, row: PrismaTemplateRow, at field: RawCell
    ) -> [NamedCount]? {
        switch PrismaEntryList.parse(text) {
        case .success(let entries): return entries
        case .failure(let error):
            diagnostics.append(.error("in the n of '\(row.key)': \(error.message)", at: location(field)))
            return nil
        }
    }

    private func store(_ value: Int, _ count: PrismaCount, at field: RawCell, in flow: inout PrismaFlow) {
        flow[count] = value
        flow.locations[count] = location(field)
    }

    private func setEntries(
        _ entries: [NamedCount], of count: PrismaCount, at field: RawCell, in flow: inout PrismaFlow
    ) {
        switch count {
        case .databases: flow.databaseRecords = entries
        case .registers: flow.registerRecords = entries
        case .reportsExcluded: flow.reportExclusionReasons = entries
        case .otherReportsExcluded: flow.otherReportExclusionReasons = entries
        default: return
        }
        if flow.locations[count] == nil { flow.locations[count] = location(field) }
    }
}
