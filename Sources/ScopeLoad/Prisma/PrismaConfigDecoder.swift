import Foundation
import ScopeDiagnostics
import Yams

extension PrismaFlow {
    /// Reads the `prisma:` section of a review's config (see docs/config.md). Every problem is
    /// reported at its `file:line:column`. The flow is nil only when the section is not a mapping or
    /// gives no count at all; otherwise it holds whatever could be read, so that the arithmetic checks
    /// can run in the same pass.
    public static func decode(_ node: Yams.Node, file: String) -> (PrismaFlow?, [Diagnostic]) {
        var decoder = PrismaConfigDecoder(file: file, origin: YAMLFields.location(node, file))
        let flow = decoder.decode(node)
        return (flow, decoder.diagnostics)
    }
}

private struct PrismaConfigDecoder {
    let file: String
    var flow: PrismaFlow
    var diagnostics: [Diagnostic] = []

    init(file: String, origin: SourceLocation) {
        self.file = file
        self.flow = PrismaFlow(origin: origin)
    }

    mutating func decode(_ node: Node) -> PrismaFlow? {
        guard var section = reader(node, "'prisma'") else { return nil }
        if let node = section.value("csv"), let path = text(node, key: "csv") {
            flow.countsFile = PrismaCountsFile(path: path, location: location(node))
        }
        if let node = section.value("previous_review") { decodePreviousReview(node) }
        if let node = section.value("identification") { decodeIdentification(node) }
        if let node = section.value("screening") { decodeScreening(node) }
        if let node = section.value("other_methods") { decodeOtherMethods(node) }
        if let node = section.value("included") { decodeIncluded(node) }
        if let node = section.value("studies_differ_because") {
            flow.studiesDifferBecause = text(node, key: "studies_differ_because")
        }
        if let node = section.value("records_screening") {
            flow.style.screensRecords = flag(node, key: "records_screening") ?? true
        }
        if let node = section.value("bold_titles") {
            flow.style.boldTitles = flag(node, key: "bold_titles") ?? false
        }
        if let node = section.value("labels") { decodeLabels(node) }
        if let node = section.value("tooltips") {
            flow.style.tooltips = decodeBoxTexts(node, key: "tooltips")
        }
        if let node = section.value("links") { decodeLinks(node) }
        let before = diagnostics.count
        section.reportUnknownKeys(&diagnostics)
        let misspelt = diagnostics.count > before

        if let file = flow.countsFile {
            // The loader reads the counts and then checks them, with the options read here.
            if !flow.isEmpty {
                diagnostics.append(
                    .error(
                        "the counts are in \(file.path), which 'csv' names; give them there or here, not both",
                        at: flow.origin))
            }
            return flow
        }
        if flow.isEmpty {
            // A misspelt box (`identifcation:`) is why nothing was read: that error says it already.
            if misspelt { return nil }
            diagnostics.append(
                .error(
                    "the 'prisma' section gives no counts; give at least the records identified",
                    at: flow.origin))
            return nil
        }
        diagnostics += flow.leavingOutUnscreenedBoxes()
        return flow
    }

    // MARK: - Sections

    private mutating func decodePreviousReview(_ node: Node) {
        guard var fields = reader(node, "'prisma.previous_review'") else { return }
        readCount(&fields, "studies", into: .previousStudies)
        readCount(&fields, "reports", into: .previousReports)
        fields.reportUnknownKeys(&diagnostics)
    }

    private mutating func decodeIdentification(_ node: Node) {
        guard var fields = reader(node, "'prisma.identification'") else { return }
        if let node = fields.value("databases") {
            flow.databaseRecords = readList(
                node, fields, key: "databases", into: .databases, entriesKey: "sources")
        }
        if let node = fields.value("registers") {
            flow.registerRecords = readList(
                node, fields, key: "registers", into: .registers, entriesKey: "sources")
        }
        if let node = fields.value("removed_before_screening"),
            var removed = reader(node, "'prisma.identification.removed_before_screening'")
        {
            readCount(&removed, "duplicates", into: .duplicates)
            readCount(&removed, "automation_tools", into: .automation)
            readCount(&removed, "other_reasons", into: .removedOther)
            removed.reportUnknownKeys(&diagnostics)
        }
        fields.reportUnknownKeys(&diagnostics)
    }

    private mutating func decodeScreening(_ node: Node) {
        guard var fields = reader(node, "'prisma.screening'") else { return }
        readCount(&fields, "records_screened", into: .recordsScreened)
        readCount(&fields, "records_excluded", into: .recordsExcluded)
        readCount(&fields, "reports_sought", into: .reportsSought)
        readCount(&fields, "reports_not_retrieved", into: .reportsNotRetrieved)
        readCount(&fields, "reports_assessed", into: .reportsAssessed)
        if let node = fields.value("reports_excluded") {
            flow.reportExclusionReasons = readList(
                node, fields, key: "reports_excluded", into: .reportsExcluded, entriesKey: "reasons")
        }
        fields.reportUnknownKeys(&diagnostics)
    }

    private mutating func decodeOtherMethods(_ node: Node) {
        guard var fields = reader(node, "'prisma.other_methods'") else { return }
        if let node = fields.value("records_identified") {
            // The CSV template has a row per source and no total, so sources are always named here.
            if node.mapping == nil || node.mapping?.keys.contains(Node("total")) == true {
                diagnostics.append(
                    .error(
                        "'records_identified' under 'other_methods' should name each source with its count, "
                            + "e.g. 'Citation searching: 12'", at: location(node)))
            } else {
                flow.otherMethodRecords = readNamedCounts(node, key: "records_identified")
                flow.locations[.otherMethodRecords] = fields.keyLocation("records_identified")
            }
        }
        readCount(&fields, "reports_sought", into: .otherReportsSought)
        readCount(&fields, "reports_not_retrieved", into: .otherReportsNotRetrieved)
        readCount(&fields, "reports_assessed", into: .otherReportsAssessed)
        if let node = fields.value("reports_excluded") {
            flow.otherReportExclusionReasons = readList(
                node, fields, key: "reports_excluded", into: .otherReportsExcluded, entriesKey: "reasons")
        }
        fields.reportUnknownKeys(&diagnostics)
    }

    private mutating func decodeIncluded(_ node: Node) {
        guard var fields = reader(node, "'prisma.included'") else { return }
        readCount(&fields, "studies", into: .newStudies)
        readCount(&fields, "reports", into: .newReports)
        readCount(&fields, "total_studies", into: .totalStudies)
        readCount(&fields, "total_reports", into: .totalReports)
        fields.reportUnknownKeys(&diagnostics)
    }

    private mutating func decodeLabels(_ node: Node) {
        guard let fields = reader(node, "'prisma.labels'") else { return }
        for pair in fields.pairs {
            guard let label = PrismaLabel(rawValue: pair.key) else {
                diagnostics.append(
                    unknownName(pair.key, pair.keyNode, in: "labels", PrismaLabel.allCases.map(\.rawValue)))
                continue
            }
            if let wording = text(pair.value, key: pair.key) { flow.style.labels[label] = wording }
        }
    }

    private mutating func decodeBoxTexts(_ node: Node, key: String) -> [PrismaBox: String] {
        guard let fields = reader(node, "'prisma.\(key)'") else { return [:] }
        var texts: [PrismaBox: String] = [:]
        for pair in fields.pairs {
            guard let box = PrismaBox(rawValue: pair.key) else {
                diagnostics.append(
                    unknownName(pair.key, pair.keyNode, in: key, PrismaBox.allCases.map(\.rawValue)))
                continue
            }
            if let value = text(pair.value, key: pair.key) { texts[box] = value }
        }
        return texts
    }

    private mutating func decodeLinks(_ node: Node) {
        let links = decodeBoxTexts(node, key: "links")
        let valueNodes =
            node.mapping.map { Dictionary($0.map { ($0.key.string ?? "", $0.value) }) { a, _ in a } } ?? [:]
        for box in PrismaBox.allCases {
            guard let link = links[box] else { continue }
            if PrismaLink.isAllowed(link) {
                flow.style.links[box] = link
            } else {
                diagnostics.append(
                    .error(
                        "the link of '\(box.rawValue)' should be an https:// address without spaces, not '\(link)'",
                        at: location(valueNodes[box.rawValue] ?? node)))
            }
        }
    }

    // MARK: - Values

    private mutating func reader(_ node: Node, _ what: String) -> YAMLFields? {
        YAMLFields(node, file: file, what: what, diagnostics: &diagnostics)
    }

    private func location(_ node: Node) -> SourceLocation { YAMLFields.location(node, file) }

    /// A count, located at its key so that arithmetic errors point at the box's line.
    private mutating func readCount(_ fields: inout YAMLFields, _ key: String, into count: PrismaCount) {
        guard let node = fields.value(key), let value = number(node, key: key) else { return }
        flow[count] = value
        flow.locations[count] = fields.keyLocation(key)
    }

    private mutating func number(_ node: Node, key: String) -> Int? {
        guard case .scalar(let scalar) = node else {
            diagnostics.append(
                .error("'\(key)' should be a whole number, not a list or mapping", at: location(node)))
            return nil
        }
        switch CountParsing.count(scalar.string) {
        case .success(let value): return value
        case .failure(let failure):
            diagnostics.append(.error("'\(key)' \(failure.explanation)", at: location(node)))
            return nil
        }
    }

    /// A box with named entries: a bare number (the total only), a mapping of names to numbers (the
    /// total is their sum), or `total:` with the entries under `sources:` / `reasons:` (both stated,
    /// and checked against each other).
    private mutating func readList(
        _ node: Node, _ parent: YAMLFields, key: String, into count: PrismaCount, entriesKey: String
    ) -> [NamedCount] {
        flow.locations[count] = parent.keyLocation(key)
        if case .scalar = node {
            flow[count] = number(node, key: key)
            return []
        }
        guard var fields = reader(node, "'\(key)'") else { return [] }
        guard fields.has("total") else { return readNamedCounts(node, key: key) }
        readCount(&fields, "total", into: count)
        var entries: [NamedCount] = []
        if let entriesNode = fields.value(entriesKey) {
            entries = readNamedCounts(entriesNode, key: entriesKey)
        }
        fields.reportUnknownKeys(&diagnostics)
        return entries
    }

    private mutating func readNamedCounts(_ node: Node, key: String) -> [NamedCount] {
        guard let fields = reader(node, "'\(key)'") else { return [] }
        if fields.pairs.isEmpty {
            diagnostics.append(
                .error("'\(key)' lists nothing; leave the key out instead", at: location(node)))
        }
        var entries: [NamedCount] = []
        for pair in fields.pairs {
            let name = pair.key.trimmingSpaces
            if name.isEmpty {
                diagnostics.append(.error("each entry of '\(key)' needs a name", at: location(pair.keyNode)))
                continue
            }
            if let value = number(pair.value, key: name) { entries.append(NamedCount(name, value)) }
        }
        return entries
    }

    private mutating func text(_ node: Node, key: String) -> String? {
        guard case .scalar(let scalar) = node, !scalar.string.trimmingSpaces.isEmpty
        else {
            diagnostics.append(.error("'\(key)' should be a single line of text", at: location(node)))
            return nil
        }
        return scalar.string
    }

    private mutating func flag(_ node: Node, key: String) -> Bool? {
        guard let value = node.bool else {
            diagnostics.append(.error("'\(key)' should be true or false", at: location(node)))
            return nil
        }
        return value
    }

    private func unknownName(
        _ key: String, _ keyNode: Node, in section: String, _ known: [String]
    ) -> Diagnostic {
        .error(
            YAMLFields.unknownKeyMessage(key, in: "'prisma.\(section)'", known: known), at: location(keyNode))
    }
}
