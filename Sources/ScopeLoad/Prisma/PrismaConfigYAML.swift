import Yams

extension PrismaFlow {
    /// The flow as the config's `prisma:` section (docs/config.md), so that an author who brought the
    /// counts in from the PRISMA2020 package's CSV can keep them in review.yaml from then on. Reading
    /// it back gives the same flow: a list whose stated total is the sum of its entries is written as
    /// its entries alone, any other with `total:` beside them.
    public func configYAML() -> String {
        var section: [(String, Node)] = []
        func add(_ key: String, _ entries: [(String, Node)]) {
            if !entries.isEmpty { section.append((key, mapping(entries))) }
        }
        add("previous_review", counts([("studies", .previousStudies), ("reports", .previousReports)]))
        add(
            "identification",
            list("databases", .databases, entriesKey: "sources")
                + list("registers", .registers, entriesKey: "sources")
                + nested(
                    "removed_before_screening",
                    counts([
                        ("duplicates", .duplicates), ("automation_tools", .automation),
                        ("other_reasons", .removedOther),
                    ])))
        add(
            "screening",
            counts([
                ("records_screened", .recordsScreened), ("records_excluded", .recordsExcluded),
                ("reports_sought", .reportsSought), ("reports_not_retrieved", .reportsNotRetrieved),
                ("reports_assessed", .reportsAssessed),
            ]) + list("reports_excluded", .reportsExcluded, entriesKey: "reasons"))
        add(
            "other_methods",
            list("records_identified", .otherMethodRecords, entriesKey: "")
                + counts([
                    ("reports_sought", .otherReportsSought),
                    ("reports_not_retrieved", .otherReportsNotRetrieved),
                    ("reports_assessed", .otherReportsAssessed),
                ]) + list("reports_excluded", .otherReportsExcluded, entriesKey: "reasons"))
        add(
            "included",
            counts([
                ("studies", .newStudies), ("reports", .newReports), ("total_studies", .totalStudies),
                ("total_reports", .totalReports),
            ]))
        if let studiesDifferBecause { section.append(("studies_differ_because", Node(studiesDifferBecause))) }
        if !style.screensRecords { section.append(("records_screening", Node("false"))) }
        if style.boldTitles { section.append(("bold_titles", Node("true"))) }
        add(
            "labels",
            style.labels.sorted { $0.key.rawValue < $1.key.rawValue }.map {
                ($0.key.rawValue, Node($0.value))
            })
        add(
            "tooltips",
            style.tooltips.sorted { $0.key.rawValue < $1.key.rawValue }.map {
                ($0.key.rawValue, Node($0.value))
            })
        add(
            "links",
            style.links.sorted { $0.key.rawValue < $1.key.rawValue }.map { ($0.key.rawValue, Node($0.value)) }
        )
        let document = mapping([("prisma", mapping(section))])
        // Width -1: a long label stays on one line. Emitting a tree of plain strings cannot fail.
        return (try? Yams.serialize(node: document, width: -1)) ?? ""
    }

    private func mapping(_ entries: [(String, Node)]) -> Node {
        .mapping(Node.Mapping(entries.map { (Node($0.0), $0.1) }))
    }

    private func counts(_ keys: [(String, PrismaCount)]) -> [(String, Node)] {
        keys.compactMap { key, count in self[count].map { (key, Node(String($0))) } }
    }

    private func nested(_ key: String, _ entries: [(String, Node)]) -> [(String, Node)] {
        entries.isEmpty ? [] : [(key, mapping(entries))]
    }

    /// A box with named entries: its entries, with `total:` when the stated total is not their sum.
    private func list(_ key: String, _ count: PrismaCount, entriesKey: String) -> [(String, Node)] {
        let entries = namedEntries(of: count).map { ($0.name, Node(String($0.count))) }
        let stated = self[count]
        if entries.isEmpty { return stated.map { [(key, Node(String($0)))] } ?? [] }
        if stated == nil || stated == total(ofEntries: count) || entriesKey.isEmpty {
            return [(key, mapping(entries))]
        }
        return [(key, mapping([("total", Node(String(stated!))), (entriesKey, mapping(entries))]))]
    }

    private func total(ofEntries count: PrismaCount) -> Int {
        namedEntries(of: count).reduce(0) { $0 + $1.count }
    }
}
