extension PrismaFlow {
    /// The counts for `results.json`, under stable keys (`prisma.records.identified`, …), sorted by key.
    /// Boxes the review does not give are absent, never 0. A listed box counts as the sum of its entries
    /// when no total is stated.
    public var keyValues: [(key: String, value: Int)] {
        var values = PrismaCount.allCases.compactMap { count in
            total(count).map { (key: count.rawValue, value: $0) }
        }
        if let identified = recordsIdentified {
            values.append((key: "prisma.records.identified", value: identified))
        }
        if let removed = recordsRemoved { values.append((key: "prisma.records.removed", value: removed)) }
        return values.sorted { $0.key < $1.key }
    }

    /// The counts as rows of `tables/prisma.csv` and `tables/prisma.md`, in the diagram's reading order,
    /// worded as the diagram is (labels included), with each named source and reason on its own row.
    public var tableRows: [(box: String, count: Int)] {
        var rows: [(box: String, count: Int)] = []
        func add(_ box: String, _ count: Int?) {
            if let count { rows.append((box, count)) }
        }
        func text(_ label: PrismaLabel) -> String { style.text(label, isUpdate: isUpdate) }
        func addList(_ count: PrismaCount, heading: String, entryPrefix: String, suffix: String = "") {
            add(heading + suffix, total(count))
            for entry in namedEntries(of: count) {
                rows.append(("\(entryPrefix): \(entry.name)\(suffix)", entry.count))
            }
        }
        let other = " (other methods)"

        add(text(.previousStudies), counts[.previousStudies])
        add(text(.previousReports), counts[.previousReports])
        let identified = text(.recordsIdentified)
        addList(.databases, heading: "\(identified): \(text(.databases))", entryPrefix: text(.databases))
        addList(.registers, heading: "\(identified): \(text(.registers))", entryPrefix: text(.registers))
        let removed = text(.removedBeforeScreening)
        add("\(removed): \(text(.duplicates))", counts[.duplicates])
        add("\(removed): \(text(.automationTools))", counts[.automation])
        add("\(removed): \(text(.otherReasons))", counts[.removedOther])
        add(text(.recordsScreened), counts[.recordsScreened])
        add(text(.recordsExcluded), counts[.recordsExcluded])
        add(text(.reportsSought), counts[.reportsSought])
        add(text(.reportsNotRetrieved), counts[.reportsNotRetrieved])
        add(text(.reportsAssessed), counts[.reportsAssessed])
        addList(.reportsExcluded, heading: text(.reportsExcluded), entryPrefix: text(.reportsExcluded))
        for source in otherMethodRecords {
            rows.append(("\(text(.otherRecordsIdentified)): \(source.name)\(other)", source.count))
        }
        add(text(.otherReportsSought) + other, counts[.otherReportsSought])
        add(text(.otherReportsNotRetrieved) + other, counts[.otherReportsNotRetrieved])
        add(text(.otherReportsAssessed) + other, counts[.otherReportsAssessed])
        addList(
            .otherReportsExcluded, heading: text(.otherReportsExcluded),
            entryPrefix: text(.otherReportsExcluded),
            suffix: other)
        add(text(.includedStudies), counts[.newStudies])
        add(text(.includedReports), counts[.newReports])
        add(text(.totalStudies), counts[.totalStudies])
        add(text(.totalReports), counts[.totalReports])
        return rows
    }
}
