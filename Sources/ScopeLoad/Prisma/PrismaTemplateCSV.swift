import Foundation
import ScopeDiagnostics

extension PrismaFlow {
    /// Reads the CSV template of the PRISMA2020 R package and Shiny app (columns
    /// `data,node,box,description,boxtext,tooltips,url,n`), so an existing diagram can be brought over.
    ///
    /// `NA` or an empty `n` is a box the review does not use. The package decides with its own
    /// `previous` and `other` switches whether to draw the previous-review and other-methods columns,
    /// and its template leaves them at 0, so a column whose numbers are all 0 is taken as unused.
    /// A `boxtext`, `tooltips` or `url` that differs from the package's default becomes a label,
    /// tooltip or link (links: https only).
    public static func fromTemplateCSV(_ text: String, file: String) -> (PrismaFlow?, [Diagnostic]) {
        fromTemplateCSV(Array(text.utf8), file: file)
    }

    /// The same, from the file's bytes (UTF-8, with or without a byte-order mark).
    public static func fromTemplateCSV(_ bytes: [UInt8], file: String) -> (PrismaFlow?, [Diagnostic]) {
        var reader = PrismaTemplateReader(file: file)
        let flow = reader.read(bytes)
        return (flow, reader.diagnostics)
    }

    /// The flow as the CSV template, rows in the package's order, for use with the PRISMA2020 package
    /// or Shiny app. Reading it back gives the same diagram, tables and results; what the template has
    /// no place for (a fourth other-methods source, a heading's wording, a name containing ";") is left
    /// out with a warning, as are the drawing options, which the package sets as arguments instead.
    /// The template states the databases' and registers' totals beside their lists, but has one cell
    /// for reports excluded: reasons, when given, go there (their sum is the total).
    public func templateCSV() -> (csv: String, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let slots = otherSourceSlots(&diagnostics)
        for label in [PrismaLabel.recordsIdentified, .removedBeforeScreening, .otherRecordsIdentified]
        where style.labels[label] != nil {
            diagnostics.append(
                .warning(
                    "PRISMA: the CSV template has no row for the label '\(label.rawValue)'; it is left out of the export",
                    at: origin))
        }
        for count in PrismaCount.allCases {
            for entry in namedEntries(of: count) where entry.name.contains(";") {
                diagnostics.append(
                    .warning(
                        "PRISMA: the name '\(entry.name)' contains ';', which the CSV template uses between entries; "
                            + "it will not read back as one entry", at: location(of: count)))
            }
        }
        var records = [PrismaTemplateRow.header]
        for row in PrismaTemplateRow.all {
            var boxtext = row.label.flatMap { style.labels[$0] } ?? row.boxtext
            let n: String
            switch row.content {
            // The package draws the databases' and registers' totals from their own rows, so a
            // total that is only the sum of the listed sources is written out too.
            case .count(let count): n = total(count).map(String.init) ?? "NA"
            case .entries(let count): n = PrismaEntryList.format(namedEntries(of: count)) ?? "NA"
            case .countOrEntries(let count):
                n = PrismaEntryList.format(namedEntries(of: count)) ?? counts[count].map(String.init) ?? "NA"
            case .otherSource(let slot):
                if let source = slots[slot] {
                    boxtext = source.name
                    n = String(source.count)
                } else {
                    n = "NA"
                }
            case .heading: n = PrismaTemplateRow.headingN
            }
            let tooltip = row.diagramBox.flatMap { style.tooltips[$0] } ?? row.tooltip
            let url = row.diagramBox.flatMap { style.links[$0] } ?? row.url
            records.append([row.data, row.node, row.box, row.description, boxtext, tooltip, url, n])
        }
        // Joined with LF, as the PRISMA2020 package's own template is, quoting only where needed.
        let csv = records.map { $0.map { CSVText.field($0) }.joined(separator: ",") + "\n" }.joined()
        return (csv, diagnostics)
    }

    /// The template has three other-methods rows (websites, organisations, citation searching): a
    /// source goes to the row of its name, the others to the free rows in order.
    private func otherSourceSlots(_ diagnostics: inout [Diagnostic]) -> [Int: NamedCount] {
        let slotRows = PrismaTemplateRow.all.compactMap { row -> (slot: Int, name: String)? in
            if case .otherSource(let slot) = row.content { return (slot, row.boxtext) }
            return nil
        }
        var slots: [Int: NamedCount] = [:]
        var unplaced: [NamedCount] = []
        for source in otherMethodRecords {
            if let slot = slotRows.first(where: { $0.name.lowercased() == source.name.lowercased() })?.slot,
                slots[slot] == nil
            {
                slots[slot] = source
            } else {
                unplaced.append(source)
            }
        }
        for source in unplaced {
            if let free = slotRows.first(where: { slots[$0.slot] == nil })?.slot {
                slots[free] = source
            } else {
                diagnostics.append(
                    .warning(
                        "PRISMA: the CSV template has rows for three other-methods sources; '\(source.name)' "
                            + "(\(source.count)) is left out of the export",
                        at: location(of: .otherMethodRecords)))
            }
        }
        return slots
    }
}

/// `Name 1, 12; Name 2, 30`: the PRISMA2020 package's way of listing named counts in one cell.
enum PrismaEntryList {
    static func format(_ entries: [NamedCount]) -> String? {
        entries.isEmpty ? nil : entries.map { "\($0.name), \($0.count)" }.joined(separator: "; ")
    }

    /// The entries, or a message saying which entry is wrong. The name is everything before an entry's
    /// last comma, so names may contain commas.
    static func parse(_ text: String) -> Result<[NamedCount], ListError> {
        var entries: [NamedCount] = []
        for part in text.split(separator: ";") {
            let entry = part.trimmingCharacters(in: .whitespaces)
            if entry.isEmpty { continue }
            guard let comma = entry.lastIndex(of: ",") else { return .failure(.noCount(entry)) }
            // Exports often double a space inside a name ("Web of  Science"); one is meant.
            let name = entry[..<comma].split(whereSeparator: \.isWhitespace).joined(separator: " ")
            let countText = String(entry[entry.index(after: comma)...])
            if name.isEmpty { return .failure(.noName(entry)) }
            switch CountParsing.count(countText) {
            case .success(let count): entries.append(NamedCount(name, count))
            case .failure(let failure): return .failure(.badCount(name, failure))
            }
        }
        return .success(entries)
    }

    enum ListError: Error, Equatable {
        case noCount(String)
        case noName(String)
        case badCount(String, CountParsing.Failure)

        var message: String {
            switch self {
            case .noCount(let entry): "'\(entry)' should be a name and a number, e.g. 'Embase, 120'"
            case .noName(let entry): "'\(entry)' has a number but no name"
            case .badCount(let name, let failure): "the count of '\(name)' \(failure.explanation)"
            }
        }
    }
}
