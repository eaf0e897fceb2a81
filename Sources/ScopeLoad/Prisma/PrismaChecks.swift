import ScopeDiagnostics

extension PrismaFlow {
    /// The arithmetic of the PRISMA 2020 flow, reported like data errors at the line of the box that
    /// does not add up, naming the boxes and the numbers. A rule whose boxes are not all given is
    /// skipped (nothing is filled in); the missing boxes are named once, in a warning.
    public func check() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        diagnostics += negativeCounts()
        diagnostics += listTotals()
        diagnostics += identificationToAssessment()
        diagnostics += includedReports()
        diagnostics += studiesWithinReports()
        diagnostics += updateTotals()
        diagnostics += missingBoxes()
        return diagnostics
    }

    /// The included studies must be the rows of the studies sheet, unless the config says why not
    /// (`studies_differ_because:`), in which case the difference is a note for the report's reader.
    public func checkIncludedStudies(sheetRows: Int, sheet: String) -> [Diagnostic] {
        guard let (count, studies) = studiesIncludedInReview else {
            return [
                .warning(
                    "PRISMA: the diagram does not give the number of studies included, so it cannot be compared "
                        + "with the \(sheetRows) rows of \(sheet)", at: origin)
            ]
        }
        let box = "\(count.name(isUpdate: isUpdate)) (\(studies))"
        let location = location(of: count)
        switch (studies == sheetRows, studiesDifferBecause) {
        case (true, nil): return []
        case (true, .some):
            return [
                .warning(
                    "PRISMA: 'studies_differ_because' is given, but \(box) equals the \(sheetRows) rows of \(sheet)",
                    at: location)
            ]
        case (false, nil):
            return [
                .error(
                    "PRISMA: \(box) should equal the number of rows of \(sheet) (\(sheetRows)); if they differ on "
                        + "purpose, say why under 'studies_differ_because'", at: location)
            ]
        case (false, .some(let reason)):
            return [
                Diagnostic(
                    .note, at: location,
                    "PRISMA: \(box) differs from the \(sheetRows) rows of \(sheet): \(reason)")
            ]
        }
    }

    // MARK: - Rules

    private func negativeCounts() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for count in PrismaCount.allCases {
            if let value = counts[count], value < 0 {
                diagnostics.append(
                    .error("PRISMA: \(describe(count)) should be at least 0", at: location(of: count)))
            }
            for entry in namedEntries(of: count) where entry.count < 0 {
                diagnostics.append(
                    .error(
                        "PRISMA: '\(entry.name)' in \(count.name(isUpdate: isUpdate)) (\(entry.count)) should be at least 0",
                        at: location(of: count)))
            }
        }
        return diagnostics
    }

    /// A stated total equals the sum of its named entries.
    private func listTotals() -> [Diagnostic] {
        let lists: [(PrismaCount, String)] = [
            (.databases, "databases"), (.registers, "registers"), (.reportsExcluded, "reasons"),
            (.otherReportsExcluded, "reasons"),
        ]
        return lists.compactMap { count, entriesName in
            let entries = namedEntries(of: count)
            guard let stated = counts[count], !entries.isEmpty else { return nil }
            let sum = entries.reduce(0) { $0 + $1.count }
            guard sum != stated else { return nil }
            let terms = entries.map { "\($0.name) \($0.count)" }.joined(separator: " + ")
            return .error(
                "PRISMA: \(describe(count)) should equal the sum of the \(entriesName) listed (\(terms) = \(sum))",
                at: location(of: count))
        }
    }

    /// screened = identified − removed; sought = screened − excluded; assessed = sought − not retrieved.
    private func identificationToAssessment() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let identified = recordsIdentified, let removed = recordsRemoved {
            // Without a separate screening of records, every record left after removal is sought.
            let screenedOrSought: PrismaCount = style.screensRecords ? .recordsScreened : .reportsSought
            diagnostics += expect(
                screenedOrSought,
                equals: identified - removed,
                "records identified (\(identified)) minus records removed before screening (\(removed))")
        }
        if style.screensRecords {
            diagnostics += expectDifference(.reportsSought, .recordsScreened, .recordsExcluded)
        }
        diagnostics += expectDifference(.reportsAssessed, .reportsSought, .reportsNotRetrieved)
        diagnostics += expectDifference(.otherReportsAssessed, .otherReportsSought, .otherReportsNotRetrieved)
        return diagnostics
    }

    /// Reports of included studies = assessed − excluded, per column; the included box adds both columns.
    private func includedReports() -> [Diagnostic] {
        guard let (expected, terms) = reportsLeftAfterAssessment() else { return [] }
        return expect(.newReports, equals: expected, terms)
    }

    /// A study has at least one report, so studies never outnumber reports.
    private func studiesWithinReports() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let pairs: [(PrismaCount, PrismaCount)] = [
            (.previousStudies, .previousReports), (.newStudies, .newReports), (.totalStudies, .totalReports),
        ]
        for (studies, reports) in pairs {
            guard let studyCount = counts[studies] else { continue }
            if let reportCount = counts[reports] {
                if studyCount > reportCount {
                    diagnostics.append(
                        .error(
                            "PRISMA: \(describe(studies)) cannot exceed \(describe(reports))",
                            at: location(of: studies)))
                }
            } else if studies == .newStudies, let (reportsLeft, terms) = reportsLeftAfterAssessment(),
                studyCount > reportsLeft
            {
                diagnostics.append(
                    .error(
                        "PRISMA: \(describe(studies)) cannot exceed \(terms) = \(reportsLeft)",
                        at: location(of: studies)))
            }
        }
        return diagnostics
    }

    /// In an update, total = previous + new. The statement does not require it (studies may be merged
    /// or dropped), so a difference is a warning.
    private func updateTotals() -> [Diagnostic] {
        let triples: [(PrismaCount, PrismaCount, PrismaCount)] = [
            (.totalStudies, .previousStudies, .newStudies), (.totalReports, .previousReports, .newReports),
        ]
        return triples.compactMap { total, previous, new in
            guard let totalValue = counts[total], let previousValue = counts[previous],
                let newValue = counts[new]
            else { return nil }
            let expected = previousValue + newValue
            guard totalValue != expected else { return nil }
            return .warning(
                "PRISMA: \(describe(total)) should equal \(describe(previous)) plus \(describe(new)) = \(expected)",
                at: location(of: total))
        }
    }

    /// Boxes of the template that a review with this flow's columns would give, but that are missing.
    private func missingBoxes() -> [Diagnostic] {
        var expected: [(name: String, given: Bool)] = [
            ("records identified", recordsIdentified != nil),
            ("records removed before screening", recordsRemoved != nil),
        ]
        var main: [PrismaCount] = [
            .reportsSought, .reportsNotRetrieved, .reportsAssessed, .reportsExcluded, .newStudies,
        ]
        if style.screensRecords { main.insert(contentsOf: [.recordsScreened, .recordsExcluded], at: 0) }
        if hasOtherMethods {
            main += [
                .otherMethodRecords, .otherReportsSought, .otherReportsNotRetrieved, .otherReportsAssessed,
                .otherReportsExcluded,
            ]
        }
        if isUpdate { main.append(.totalStudies) }
        expected += main.map { ($0.name(isUpdate: isUpdate), total($0) != nil) }
        let missing = expected.filter { !$0.given }.map(\.name)
        guard !missing.isEmpty, !isEmpty else { return [] }
        return [
            .warning(
                "PRISMA: the diagram gives only some of the boxes and is drawn without these (no numbers are filled "
                    + "in): \(missing.joined(separator: ", "))", at: origin)
        ]
    }

    // MARK: - Helpers

    /// "records screened (410)"
    private func describe(_ count: PrismaCount) -> String {
        "\(count.name(isUpdate: isUpdate)) (\(total(count).map(String.init) ?? "not given"))"
    }

    private func expect(_ count: PrismaCount, equals expected: Int, _ terms: String) -> [Diagnostic] {
        guard let actual = total(count), actual != expected else { return [] }
        return [
            .error("PRISMA: \(describe(count)) should equal \(terms) = \(expected)", at: location(of: count))
        ]
    }

    /// `result` = `minuend` − `subtrahend`, when all three are given.
    private func expectDifference(
        _ result: PrismaCount, _ minuend: PrismaCount, _ subtrahend: PrismaCount
    )
        -> [Diagnostic]
    {
        guard let left = total(minuend), let right = total(subtrahend) else { return [] }
        return expect(result, equals: left - right, "\(describe(minuend)) minus \(describe(subtrahend))")
    }

    /// Reports assessed minus reports excluded, adding the other-methods column when the review has
    /// one; nil when a needed box is missing.
    private func reportsLeftAfterAssessment() -> (value: Int, terms: String)? {
        guard let assessed = total(.reportsAssessed), let excluded = total(.reportsExcluded) else {
            return nil
        }
        var value = assessed - excluded
        var terms = "\(describe(.reportsAssessed)) minus \(describe(.reportsExcluded))"
        if hasOtherMethods {
            guard let otherAssessed = total(.otherReportsAssessed),
                let otherExcluded = total(.otherReportsExcluded)
            else { return nil }
            value += otherAssessed - otherExcluded
            terms += ", plus \(describe(.otherReportsAssessed)) minus \(describe(.otherReportsExcluded))"
        }
        return (value, terms)
    }
}
