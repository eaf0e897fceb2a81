import ScopeDiagnostics

/// A parsed template: Mustache's core syntax, which authors may know from elsewhere:
/// `{{name}}` (a value, escaped), `{{#name}}…{{/name}}` (a list repeated, or a block shown when a flag is
/// true), `{{^name}}…{{/name}}` (shown when empty or false), `{{> partial}}` (another template file) and
/// `{{! comment}}`. Each node keeps its line and column so that errors point into the file.
indirect enum TemplateNode: Sendable {
    case text(String)
    case value(name: String, at: SourceLocation)
    case section(name: String, inverted: Bool, body: [TemplateNode], at: SourceLocation)
    case partial(name: String, at: SourceLocation)
}

/// Reads a template's UTF-8 bytes: every delimiter and sigil is ASCII, so nothing needs Swift's
/// character-by-character (grapheme) view but the column numbers of lines that hold other text.
/// A line ends at "\n", or at "\r\n" (the "\r" then belongs to the break, as Mustache's spec has it).
struct TemplateParser {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    /// Sections nest at most this deep. Rendering and reading a template recurse once per level, so a
    /// template of thousands of nested sections would overflow the stack; no report needs more than a few.
    static let maxSectionDepth = 100

    /// Stands for a line break that a standalone tag removed: counted for line numbers, never output
    /// (U+E002, of the private use area, in UTF-8).
    private static let marker: [UInt8] = [0xEE, 0x80, 0x82]

    /// Mustache's "standalone" rule: a section, inverted-section, closing, comment or partial tag alone on
    /// its line takes the line with it, so `{{#list}}` on its own line adds no blank line to the output.
    static func removeStandaloneLines(_ text: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(text.count)
        var inComment = false
        var lineStart = 0
        while true {
            let newline = text[lineStart...].firstIndex(of: UInt8(ascii: "\n"))
            let isLast = newline == nil
            let lineEnd = newline ?? text.count
            var contentEnd = lineEnd
            if !isLast, contentEnd > lineStart, text[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
            let trimmed = trimmingSpaces(lineStart..<contentEnd, of: text)
            // What the line becomes: itself with its break, or some of it with the break removed.
            var kept = lineStart..<lineEnd
            var removesBreak = false
            if inComment {
                // The closing line of a multi-line comment: standalone when nothing follows the `}}`.
                if let close = find(UInt8(ascii: "}"), in: trimmed, of: text) {
                    inComment = false
                    if close.upperBound == trimmed.upperBound, !isLast {
                        kept = lineStart..<contentEnd
                        removesBreak = true
                    }
                }
            } else if !isLast, isStandaloneTag(trimmed, of: text) {
                kept = trimmed
                removesBreak = true
            } else if !isLast, hasPrefix("{{!", trimmed, of: text),
                find(UInt8(ascii: "}"), in: trimmed, of: text) == nil
            {
                kept = trimmed
                removesBreak = true
                inComment = true
            }
            result += text[kept]
            if removesBreak {
                result += marker
            } else if !isLast {
                result.append(UInt8(ascii: "\n"))
            }
            guard let newline else { return result }
            lineStart = newline + 1
        }
    }

    /// `{{#…}}`, `{{^…}}`, `{{/…}}`, `{{!…}}` or `{{>…}}` and nothing else.
    private static func isStandaloneTag(_ range: Range<Int>, of text: [UInt8]) -> Bool {
        guard range.count >= 5, hasPrefix("{{", range, of: text),
            text[range.upperBound - 2] == UInt8(ascii: "}"), text[range.upperBound - 1] == UInt8(ascii: "}"),
            "#^/!>".utf8.contains(text[range.lowerBound + 2])
        else { return false }
        let inner = (range.lowerBound + 2)..<(range.upperBound - 2)
        return find(UInt8(ascii: "{"), in: inner, of: text) == nil
            && find(UInt8(ascii: "}"), in: inner, of: text) == nil
    }

    mutating func parse(_ source: String) -> [TemplateNode] {
        let text = Self.removeStandaloneLines(Array(source.utf8))
        var stack: [(name: String, inverted: Bool, nodes: [TemplateNode], at: SourceLocation)] = [
            ("", false, [], SourceLocation(file: file))
        ]
        var position = 0
        // Lines are counted up to `counted`; the current one starts at `lineStart`. Its characters are
        // counted up to `columnCounted` (`columns` of them), so that a line of many tags is read once.
        var line = 1
        var lineStart = 0
        var counted = 0
        var columnCounted = 0
        var columns = 0

        func location(at offset: Int) -> SourceLocation {
            while counted < offset {
                if text[counted] == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = counted + 1
                } else if Self.isMarker(at: counted, in: text) {
                    line += 1
                    lineStart = counted + Self.marker.count
                    counted += Self.marker.count - 1
                }
                counted += 1
            }
            if columnCounted < lineStart {
                columnCounted = lineStart
                columns = 0
            }
            columns += Self.characterCount(columnCounted..<offset, of: text)
            columnCounted = offset
            return SourceLocation(file: file, line: line, column: columns + 1)
        }

        while let open = Self.find(UInt8(ascii: "{"), in: position..<text.count, of: text) {
            if open.lowerBound > position {
                stack[stack.count - 1].nodes.append(.text(Self.visible(position..<open.lowerBound, of: text)))
            }
            let location = location(at: open.lowerBound)
            guard let close = Self.find(UInt8(ascii: "}"), in: open.upperBound..<text.count, of: text) else {
                diagnostics.append(.error("a '{{' is never closed by '}}'", at: location))
                position = text.count
                break
            }
            position = close.upperBound
            let body = Self.trimmingSpaces(open.upperBound..<close.lowerBound, of: text)
            guard !body.isEmpty else {
                diagnostics.append(.error("an empty placeholder {{}}", at: location))
                continue
            }
            let sigil = text[body.lowerBound]
            let name = Self.string(
                Self.trimmingSpaces((body.lowerBound + 1)..<body.upperBound, of: text), of: text)
            switch sigil {
            case UInt8(ascii: "!"):
                continue
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                guard stack.count <= Self.maxSectionDepth else {
                    diagnostics.append(
                        .error(
                            "sections nest deeper than \(Self.maxSectionDepth) levels here; "
                                + "the rest of this template is not read", at: location))
                    // The sections left open are not errors of their own: their closing tags went unread.
                    return []
                }
                stack.append((name, sigil == UInt8(ascii: "^"), [], location))
            case UInt8(ascii: "/"):
                guard stack.count > 1, stack[stack.count - 1].name == name else {
                    let expected = stack.count > 1 ? "{{/\(stack[stack.count - 1].name)}}" : "no closing tag"
                    diagnostics.append(
                        .error(
                            "{{/\(name)}} does not close an open section (expected \(expected))", at: location
                        ))
                    continue
                }
                let section = stack.removeLast()
                stack[stack.count - 1].nodes.append(
                    .section(
                        name: section.name, inverted: section.inverted, body: section.nodes, at: section.at))
            case UInt8(ascii: ">"):
                stack[stack.count - 1].nodes.append(.partial(name: name, at: location))
            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                diagnostics.append(
                    .error(
                        "unescaped placeholders ({{{…}}} and {{&…}}) are not supported: every value is escaped",
                        at: location))
            default:
                stack[stack.count - 1].nodes.append(.value(name: Self.string(body, of: text), at: location))
            }
        }
        if position < text.count {
            stack[stack.count - 1].nodes.append(.text(Self.visible(position..<text.count, of: text)))
        }
        while stack.count > 1 {
            let section = stack.removeLast()
            diagnostics.append(
                .error("{{#\(section.name)}} is never closed by {{/\(section.name)}}", at: section.at))
            stack[stack.count - 1].nodes.append(
                .section(name: section.name, inverted: section.inverted, body: section.nodes, at: section.at))
        }
        return stack[0].nodes
    }
}

extension TemplateParser {
    /// The first `{{` (for `{`) or `}}` (for `}`) inside `range`.
    fileprivate static func find(_ brace: UInt8, in range: Range<Int>, of text: [UInt8]) -> Range<Int>? {
        var index = range.lowerBound
        while index + 1 < range.upperBound {
            if text[index] == brace {
                if text[index + 1] == brace { return index..<(index + 2) }
                index += 1
            } else {
                index += 1
            }
        }
        return nil
    }

    fileprivate static func hasPrefix(_ prefix: String, _ range: Range<Int>, of text: [UInt8]) -> Bool {
        range.count >= prefix.utf8.count && text[range].starts(with: prefix.utf8)
    }

    /// Without spaces and tabs at either end.
    fileprivate static func trimmingSpaces(_ range: Range<Int>, of text: [UInt8]) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, text[lower] == UInt8(ascii: " ") || text[lower] == UInt8(ascii: "\t") {
            lower += 1
        }
        while upper > lower, text[upper - 1] == UInt8(ascii: " ") || text[upper - 1] == UInt8(ascii: "\t") {
            upper -= 1
        }
        return lower..<upper
    }

    fileprivate static func isMarker(at index: Int, in text: [UInt8]) -> Bool {
        text[index] == marker[0] && index + 2 < text.count && text[index + 1] == marker[1]
            && text[index + 2] == marker[2]
    }

    /// Columns count characters, as an editor shows them.
    fileprivate static func characterCount(_ range: Range<Int>, of text: [UInt8]) -> Int {
        text[range].allSatisfy { $0 < 0x80 } ? range.count : string(range, of: text).count
    }

    fileprivate static func string(_ range: Range<Int>, of text: [UInt8]) -> String {
        String(decoding: text[range], as: UTF8.self)
    }

    /// The text of `range` without the markers of removed line breaks.
    static func visible(_ range: Range<Int>, of text: [UInt8]) -> String {
        // Without the marker's first byte no marker can be there: no search.
        guard text[range].contains(marker[0]) else { return string(range, of: text) }
        var kept: [UInt8] = []
        var index = range.lowerBound
        while index < range.upperBound {
            if index + 2 < range.upperBound, isMarker(at: index, in: text) {
                index += marker.count
            } else {
                kept.append(text[index])
                index += 1
            }
        }
        return String(decoding: kept, as: UTF8.self)
    }
}
