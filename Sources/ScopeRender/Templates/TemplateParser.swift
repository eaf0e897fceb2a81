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

struct TemplateParser {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    /// Stands for a line break that a standalone tag removed: counted for line numbers, never output.
    static let removedLineBreak: Character = "\u{E002}"

    /// Mustache's "standalone" rule: a section, inverted-section, closing, comment or partial tag alone on
    /// its line takes the line with it, so `{{#list}}` on its own line adds no blank line to the output.
    static func removeStandaloneLines(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var inComment = false
        for index in lines.indices {
            let trimmed = lines[index].trimmedSpaces
            let isLast = index == lines.count - 1
            if inComment {
                // The closing line of a multi-line comment: standalone when nothing follows the `}}`.
                if let close = trimmed.firstRange(of: "}}") {
                    inComment = false
                    if close.upperBound == trimmed.endIndex, !isLast {
                        lines[index] += String(removedLineBreak)
                    }
                }
                continue
            }
            let standalone =
                trimmed.hasPrefix("{{") && trimmed.hasSuffix("}}")
                && trimmed.dropFirst(2).first.map { "#^/!>".contains($0) } == true
                && trimmed.dropFirst(2).dropLast(2).firstRange(of: "{{") == nil
                && trimmed.dropFirst(2).dropLast(2).firstRange(of: "}}") == nil
            if standalone, !isLast {
                lines[index] = trimmed + String(removedLineBreak)
            } else if trimmed.hasPrefix("{{!"), !trimmed.contains("}}"), !isLast {
                lines[index] = trimmed + String(removedLineBreak)
                inComment = true
            }
        }
        // Lines that end in a removed break join the next without "\n".
        var result = ""
        for (index, line) in lines.enumerated() {
            result += line
            if index < lines.count - 1, line.last != removedLineBreak { result += "\n" }
        }
        return result
    }

    mutating func parse(_ source: String) -> [TemplateNode] {
        let text = Self.removeStandaloneLines(source)
        var stack: [(name: String, inverted: Bool, nodes: [TemplateNode], at: SourceLocation)] = [
            ("", false, [], SourceLocation(file: file))
        ]
        var rest = Substring(text)
        var line = 1
        var column = 1

        func advance(over consumed: Substring) {
            for character in consumed {
                if character == "\n" || character == Self.removedLineBreak {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
        }

        while let open = rest.firstRange(of: "{{") {
            let before = rest[..<open.lowerBound]
            if !before.isEmpty { stack[stack.count - 1].nodes.append(.text(Self.visible(before))) }
            advance(over: before)
            let location = SourceLocation(file: file, line: line, column: column)
            guard let close = rest[open.upperBound...].firstRange(of: "}}") else {
                diagnostics.append(.error("a '{{' is never closed by '}}'", at: location))
                rest = rest[rest.endIndex...]
                break
            }
            let tag = rest[open.upperBound..<close.lowerBound]
            advance(over: rest[open.lowerBound..<close.upperBound])
            rest = rest[close.upperBound...]
            let body = tag.trimmedSpaces
            guard let sigil = body.first else {
                diagnostics.append(.error("an empty placeholder {{}}", at: location))
                continue
            }
            let name = body.dropFirst().trimmedSpaces
            switch sigil {
            case "!":
                continue
            case "#", "^":
                stack.append((name, sigil == "^", [], location))
            case "/":
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
            case ">":
                stack[stack.count - 1].nodes.append(.partial(name: name, at: location))
            case "{", "&":
                diagnostics.append(
                    .error(
                        "unescaped placeholders ({{{…}}} and {{&…}}) are not supported: every value is escaped",
                        at: location))
            default:
                stack[stack.count - 1].nodes.append(.value(name: body, at: location))
            }
        }
        if !rest.isEmpty { stack[stack.count - 1].nodes.append(.text(Self.visible(rest))) }
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
    static func visible(_ text: Substring) -> String {
        // Without the marker's bytes (EE 80 82) no character can be the marker: no search by character.
        guard text.utf8.contains(0xEE) else { return String(text) }
        return text.contains(removedLineBreak) ? String(text.filter { $0 != removedLineBreak }) : String(text)
    }
}

extension StringProtocol {
    fileprivate var trimmedSpaces: String {
        var slice = self[...]
        while let c = slice.first, c == " " || c == "\t" { slice = slice.dropFirst() }
        while let c = slice.last, c == " " || c == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
