import Foundation

/// How a diff is written: for a terminal, for a pull-request comment, or for a program.
public enum DiffFormat: String, Sendable, CaseIterable {
    case text
    case markdown
    case json
}

extension ReportDiff {
    public func rendered(as format: DiffFormat) -> String {
        switch format {
        case .text: TextDiff(self).render()
        case .markdown: MarkdownDiff(self).render()
        case .json: json()
        }
    }

    /// Sorted keys at every level, so two runs on the same inputs give the same bytes.
    private func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Every value is a string, a finite number, a bool or null, so encoding cannot fail.
        let text = String(decoding: try! encoder.encode(self), as: UTF8.self)
        return compactingEmptyArrays(text) + "\n"
    }

    /// Foundation's pretty printer writes an empty array as "[", a blank line and "]"; write `[]`.
    /// Safe on the encoded text: a newline inside a JSON string is always escaped.
    private func compactingEmptyArrays(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "[\n\n") {
            let afterOpen = rest[open.upperBound...]
            let indentEnd = afterOpen.firstIndex { $0 != " " } ?? afterOpen.endIndex
            guard indentEnd < afterOpen.endIndex, afterOpen[indentEnd] == "]" else {
                result += rest[..<open.upperBound]
                rest = afterOpen
                continue
            }
            result += rest[..<open.lowerBound] + "[]"
            rest = afterOpen[afterOpen.index(after: indentEnd)...]
        }
        return result + rest
    }

    enum CodingKeys: String, CodingKey {
        case studies, prisma, results, tables, figures
    }

    private struct OtherResults: Encodable {
        var changed: [ResultChange]
        var added: [ResultEntry]
        var removed: [ResultEntry]
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(studies, forKey: .studies)
        try container.encode(results.prisma, forKey: .prisma)
        try container.encode(
            OtherResults(changed: results.changed, added: results.added, removed: results.removed),
            forKey: .results)
        try container.encode(tables, forKey: .tables)
        try container.encode(figures, forKey: .figures)
    }
}

/// Counts for a section heading: "1 added, 2 changed".
enum SectionCount {
    static func text(added: Int = 0, removed: Int = 0, changed: Int = 0) -> String {
        [(added, "added"), (removed, "removed"), (changed, "changed")].filter { $0.0 > 0 }
            .map { "\($0.0) \($0.1)" }.joined(separator: ", ")
    }
}

/// How values are shown to people in the text and Markdown formats (JSON keeps them whole).
enum Shown {
    /// The most cells a changed table lists; the count says how many there are in all.
    static let tableCellLimit = 10
    /// The most changed stretches of one figure's description that are quoted.
    static let figureChangeLimit = 5

    /// A figure's description is quoted briefly: a long stretch is cut.
    static func phrase(_ text: String) -> String {
        text.count > 160 ? String(text.prefix(159)) + "…" : text
    }

    /// Long cells (a study's notes) are cut, so one line stays one change.
    static func cell(_ text: String?) -> String {
        guard let text else { return "(blank)" }
        if text.isEmpty { return "(empty)" }
        let flat = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
        return flat.count > 80 ? String(flat.prefix(79)) + "…" : flat
    }

    static func value(_ value: JSONScalar) -> String {
        if case .text(let text) = value { return cell(text) }
        return value.display
    }
}
