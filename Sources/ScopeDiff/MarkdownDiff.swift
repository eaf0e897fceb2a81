/// The diff for a pull-request comment: a summary line, then a heading and a table per section.
struct MarkdownDiff {
    let diff: ReportDiff
    private var lines: [String] = []

    init(_ diff: ReportDiff) { self.diff = diff }

    func render() -> String {
        var writer = self
        writer.lines = ["## ScopeReport diff", "", summary()]
        writer.studies()
        writer.results()
        writer.tables()
        writer.figures()
        return writer.lines.joined(separator: "\n") + "\n"
    }

    private func summary() -> String {
        let studies = diff.studies
        let results = diff.results
        let parts: [(String, String)] = [
            (
                "Studies",
                SectionCount.text(
                    added: studies.added.count, removed: studies.removed.count,
                    changed: studies.changedStudyCount)
            ),
            ("PRISMA counts", SectionCount.text(changed: results.prisma.count)),
            ("Results", SectionCount.text(changed: results.changed.count)),
            ("Result keys", SectionCount.text(added: results.added.count, removed: results.removed.count)),
            (
                "Tables",
                SectionCount.text(
                    added: diff.tables.added.count, removed: diff.tables.removed.count,
                    changed: diff.tables.changed.count)
            ),
            (
                "Figures",
                SectionCount.text(
                    added: diff.figures.added.count, removed: diff.figures.removed.count,
                    changed: diff.figures.changed.count)
            ),
        ]
        return parts.filter { !$0.1.isEmpty }.map { "**\($0.0):** \($0.1)" }.joined(separator: " · ")
    }

    private mutating func heading(_ title: String) {
        lines += ["", "### \(title)", ""]
    }

    /// Markdown needs a blank line between blocks; one, not two.
    private mutating func blankLine() {
        if lines.last != "" { lines.append("") }
    }

    private mutating func table(_ header: [String], _ rows: [[String]]) {
        lines.append("| " + header.joined(separator: " | ") + " |")
        lines.append("|" + String(repeating: " --- |", count: header.count))
        for row in rows { lines.append("| " + row.joined(separator: " | ") + " |") }
    }

    private mutating func list(_ label: String, _ names: [String]) {
        guard !names.isEmpty else { return }
        lines.append("\(label): " + names.map(Self.code).joined(separator: ", ") + "  ")
    }

    private mutating func studies() {
        let studies = diff.studies
        guard !studies.isEmpty else { return }
        heading("Studies")
        list("Added", studies.added)
        list("Removed", studies.removed)
        guard !studies.changed.isEmpty else { return }
        blankLine()
        table(
            ["Study", "Column", "Old", "New"],
            studies.changed.map {
                [
                    Self.code($0.study), Self.code($0.column), Self.escape(Shown.cell($0.old)),
                    Self.escape(Shown.cell($0.new)),
                ]
            })
    }

    private mutating func results() {
        let results = diff.results
        if !results.prisma.isEmpty {
            heading("PRISMA counts")
            table(["Count", "Key", "Old", "New"], results.prisma.map { Array(row($0).prefix(4)) })
        }
        if !results.changed.isEmpty {
            heading("Results")
            table(["Result", "Key", "Old", "New", "Significance"], results.changed.map(row))
        }
        if !results.added.isEmpty || !results.removed.isEmpty {
            heading("Result keys added or removed")
            let entries = results.added.map { ("added", $0) } + results.removed.map { ("removed", $0) }
            table(
                ["Result", "Key", "Value", ""],
                entries.map {
                    [Self.escape($1.description), Self.code($1.key), Self.escape(Shown.value($1.value)), $0]
                })
        }
    }

    private func row(_ change: ResultChange) -> [String] {
        var significance = ""
        if let flip = change.significance?.flipText {
            significance = "**\(flip)**"
        } else if let unchanged = change.significance {
            significance = (unchanged.isSignificant ? "significant" : "not significant") + " (unchanged)"
        }
        return [
            Self.escape(change.description), Self.code(change.key), Self.escape(Shown.value(change.old)),
            Self.escape(Shown.value(change.new)), significance,
        ]
    }

    private mutating func tables() {
        let tables = diff.tables
        guard !tables.isEmpty else { return }
        heading("Tables")
        list("Added", tables.added)
        list("Removed", tables.removed)
        for change in tables.changed {
            blankLine()
            lines.append("**\(Self.escape(change.table))**: \(Self.escape(TableSummary.text(change)))")
            guard !change.cells.isEmpty else { continue }
            blankLine()
            table(
                ["Row", "Column", "Old", "New"],
                change.cells.prefix(Shown.tableCellLimit).map {
                    [$0.row, $0.column, Shown.cell($0.old), Shown.cell($0.new)].map(Self.escape)
                })
            if change.cells.count > Shown.tableCellLimit {
                lines += ["", "… and \(change.cells.count - Shown.tableCellLimit) more"]
            }
        }
    }

    private mutating func figures() {
        let figures = diff.figures
        guard !figures.isEmpty else { return }
        heading("Figures")
        list("Added", figures.added)
        list("Removed", figures.removed)
        guard !figures.changed.isEmpty else { return }
        blankLine()
        var rows: [[String]] = []
        for figure in figures.changed {
            guard !figure.changes.isEmpty else {
                rows.append([Self.code(figure.figure), "the drawing changed; its description did not", ""])
                continue
            }
            for hunk in figure.changes.prefix(Shown.figureChangeLimit) {
                rows.append([
                    Self.code(figure.figure), Self.escape(Shown.phrase(hunk.old)),
                    Self.escape(Shown.phrase(hunk.new)),
                ])
            }
            if figure.changes.count > Shown.figureChangeLimit {
                rows.append([
                    Self.code(figure.figure), "… and \(figure.changes.count - Shown.figureChangeLimit) more",
                    "",
                ])
            }
        }
        table(["Figure", "Old description", "New description"], rows)
    }

    /// Data text is shown, never interpreted: every Markdown punctuation mark that could start
    /// emphasis, a link, HTML or a table cell is escaped.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>|~&#!".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// Keys and ids as code spans; a backtick inside (never in a key, rarely in an id) falls back to escaping.
    static func code(_ text: String) -> String {
        text.contains("`") || text.contains("|") ? escape(text) : "`\(text)`"
    }
}
