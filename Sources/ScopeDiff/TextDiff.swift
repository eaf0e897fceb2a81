/// The diff for a terminal: a heading per section with its counts, one change per line.
struct TextDiff {
    let diff: ReportDiff
    private var lines: [String] = []

    init(_ diff: ReportDiff) { self.diff = diff }

    func render() -> String {
        var writer = self
        writer.studies()
        writer.results()
        writer.tables()
        writer.figures()
        return writer.lines.joined(separator: "\n") + "\n"
    }

    private mutating func section(_ title: String, _ counts: String) {
        if !lines.isEmpty { lines.append("") }
        lines.append("\(title): \(counts)")
    }

    private mutating func studies() {
        let studies = diff.studies
        guard !studies.isEmpty else { return }
        section(
            "Studies",
            SectionCount.text(
                added: studies.added.count, removed: studies.removed.count, changed: studies.changedStudyCount
            ))
        lines += studies.added.map { "  + \($0)" }
        lines += studies.removed.map { "  - \($0)" }
        for change in studies.changed {
            lines.append(
                "  ~ \(change.study)  \(change.column): \(Shown.cell(change.old)) → \(Shown.cell(change.new))"
            )
        }
    }

    private mutating func results() {
        let results = diff.results
        if !results.prisma.isEmpty {
            section("PRISMA counts", SectionCount.text(changed: results.prisma.count))
            lines += results.prisma.map(line)
        }
        if !results.changed.isEmpty {
            section("Results", SectionCount.text(changed: results.changed.count))
            lines += results.changed.map(line)
        }
        if !results.added.isEmpty || !results.removed.isEmpty {
            section(
                "Result keys", SectionCount.text(added: results.added.count, removed: results.removed.count))
            lines += results.added.map { "  + \($0.description): \(Shown.value($0.value))  [\($0.key)]" }
            lines += results.removed.map { "  - \($0.description): \(Shown.value($0.value))  [\($0.key)]" }
        }
    }

    private func line(_ change: ResultChange) -> String {
        var line =
            "  \(change.description): \(Shown.value(change.old)) → \(Shown.value(change.new))  [\(change.key)]"
        if let flip = change.significance?.flipText { line += "  \(flip)" }
        return line
    }

    private mutating func tables() {
        let tables = diff.tables
        guard !tables.isEmpty else { return }
        section(
            "Tables",
            SectionCount.text(
                added: tables.added.count, removed: tables.removed.count, changed: tables.changed.count))
        lines += tables.added.map { "  + \($0)" }
        lines += tables.removed.map { "  - \($0)" }
        for table in tables.changed {
            lines.append("  ~ \(table.table): \(TableSummary.text(table))")
            for cell in table.cells.prefix(Shown.tableCellLimit) {
                lines.append(
                    "      \(cell.row) / \(cell.column): \(Shown.cell(cell.old)) → \(Shown.cell(cell.new))")
            }
            if table.cells.count > Shown.tableCellLimit {
                lines.append("      … and \(table.cells.count - Shown.tableCellLimit) more")
            }
        }
    }

    private mutating func figures() {
        let figures = diff.figures
        guard !figures.isEmpty else { return }
        section(
            "Figures",
            SectionCount.text(
                added: figures.added.count, removed: figures.removed.count, changed: figures.changed.count))
        lines += figures.added.map { "  + \($0)" }
        lines += figures.removed.map { "  - \($0)" }
        for figure in figures.changed {
            guard !figure.changes.isEmpty else {
                lines.append("  ~ \(figure.figure): the drawing changed; its description did not")
                continue
            }
            lines.append("  ~ \(figure.figure):")
            for hunk in figure.changes.prefix(Shown.figureChangeLimit) {
                lines.append("      \(FigureSummary.text(hunk))")
            }
            if figure.changes.count > Shown.figureChangeLimit {
                lines.append("      … and \(figure.changes.count - Shown.figureChangeLimit) more")
            }
        }
    }
}

/// "3 cells changed; rows added: X; rows reordered".
enum TableSummary {
    static func text(_ table: TableChange) -> String {
        var parts: [String] = []
        if !table.cells.isEmpty {
            parts.append(table.cells.count == 1 ? "1 cell changed" : "\(table.cells.count) cells changed")
        }
        for (names, what) in [
            (table.rowsAdded, "rows added"), (table.rowsRemoved, "rows removed"),
            (table.columnsAdded, "columns added"), (table.columnsRemoved, "columns removed"),
        ] where !names.isEmpty {
            parts.append("\(what): " + names.map { Shown.cell($0) }.joined(separator: ", "))
        }
        if table.rowsReordered { parts.append("rows reordered") }
        return parts.joined(separator: "; ")
    }
}

/// One changed stretch of a figure's description, quoted.
enum FigureSummary {
    static func text(_ hunk: TextHunk) -> String {
        let old = Shown.phrase(hunk.old)
        let new = Shown.phrase(hunk.new)
        if hunk.old.isEmpty { return "added: \"\(new)\"" }
        if hunk.new.isEmpty { return "removed: \"\(old)\"" }
        return "\"\(old)\" → \"\(new)\""
    }
}
