// A small value-based SVG writer in the style of JohnSundell/Plot.
//
// Markup is built from values and serialized in one place, so escaping is the default: `.text` and every
// attribute value are always XML-escaped, and the only way to write unescaped markup is `.raw`, which is
// easy to grep for. Serialization is deterministic: attributes keep the order they were given, every
// element starts on its own line, and numbers go through `SVGNumber`, one locale-independent formatter.

/// One attribute of an SVG element; the value is escaped when the node is serialized.
public struct SVGAttribute: Sendable, Equatable {
    public let name: String
    public let value: String

    /// An attribute with a text value, e.g. `SVGAttribute("class", "sr-bar")`.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// An attribute with a numeric value, formatted by `SVGNumber.format` (at most 2 decimals).
    public init(_ name: String, _ value: Double) {
        self.init(name, SVGNumber.format(value))
    }

    /// An attribute with an integer value.
    public init(_ name: String, _ value: Int) {
        self.init(name, String(value))
    }
}

/// A node of an SVG document: an element, escaped text, unescaped markup, or a fragment of siblings.
public indirect enum SVGNode: Sendable, Equatable {
    /// An element with its name, attributes (in output order) and children.
    case element(String, [SVGAttribute], [SVGNode])
    /// Character data; `&`, `<` and `>` are escaped, characters XML forbids are dropped.
    case text(String)
    /// Markup written exactly as given. Use only where nothing else works.
    case raw(String)
    /// Several sibling nodes without a wrapping element, for composing helpers.
    case fragment([SVGNode])

    /// An element without children, e.g. `.element("rect", [SVGAttribute("x", 1.5)])`.
    public static func element(_ name: String, _ attributes: [SVGAttribute]) -> SVGNode {
        .element(name, attributes, [])
    }

    /// An element whose only child is escaped text, e.g. `.element("title", [], text: "Studies per year")`.
    public static func element(_ name: String, _ attributes: [SVGAttribute], text: String) -> SVGNode {
        .element(name, attributes, [.text(text)])
    }

    /// The serialized markup: one element per line, children indented by two spaces, ending with a newline.
    ///
    /// An element whose children include text or raw markup is written on a single line, because
    /// whitespace added between its children would become part of the rendered text.
    public func render() -> String {
        var output = ""
        SVGSerializer.append(self, depth: 0, to: &output)
        return output
    }
}

/// The one number formatter of the SVG output: locale-independent, at most two decimals, trailing zeros
/// stripped, never `-0`, never exponent notation. Non-finite values become `0` so that a bad input can
/// never produce an unparsable document.
public enum SVGNumber {
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = (value * 100).rounded()
        // Beyond ±9e15 Int64 arithmetic would overflow; such coordinates are meaningless anyway.
        guard abs(hundredths) < 9e15 else { return value < 0 ? "-90000000000000" : "90000000000000" }
        let scaled = Int64(hundredths)
        if scaled == 0 { return "0" }
        let magnitude = scaled.magnitude
        let whole = magnitude / 100
        let fraction = magnitude % 100
        let sign = scaled < 0 ? "-" : ""
        if fraction == 0 { return "\(sign)\(whole)" }
        if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

/// XML escaping for character data and attribute values.
public enum SVGEscaping {
    /// Escapes `&`, `<`, `>` and writes line breaks as character references (keeping one element per line).
    public static func text(_ string: String) -> String {
        var result = ""
        append(string, quotes: false, to: &result)
        return result
    }

    /// Escapes text for a double-quoted attribute value: also `"` and `'`.
    public static func attribute(_ string: String) -> String {
        var result = ""
        append(string, quotes: true, to: &result)
        return result
    }

    /// Appends `string` escaped. Most values (numbers, class names) need nothing: one pass over the
    /// bytes finds that, and the string is appended whole instead of scalar by scalar.
    static func append(_ string: String, quotes: Bool, to result: inout String) {
        let needsWork = string.utf8.contains { byte in
            switch byte {
            // Controls, the markup characters, and 0xEF, which starts U+FFFE and U+FFFF.
            case 0..<0x20, UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), 0xEF: true
            case UInt8(ascii: "\""), UInt8(ascii: "'"): quotes
            default: false
            }
        }
        guard needsWork else {
            result += string
            return
        }
        for scalar in string.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quotes: result += "&quot;"
            case "'" where quotes: result += "&#39;"
            case "\n": result += "&#10;"
            case "\r": result += "&#13;"
            case "\t": result += "&#9;"
            default:
                if isAllowedInXML(scalar) { result.unicodeScalars.append(scalar) }
            }
        }
    }

    /// XML 1.0 forbids most C0 controls and U+FFFE/U+FFFF even as character references; they are dropped.
    private static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return false }
        return value != 0xFFFE && value != 0xFFFF
    }
}

private enum SVGSerializer {
    /// Appends the node's lines (each ending with a newline) to one growing string: building a string
    /// per line and joining them cost more than drawing the charts.
    static func append(_ node: SVGNode, depth: Int, to output: inout String) {
        switch node {
        case .fragment(let children):
            for child in children { append(child, depth: depth, to: &output) }
        case .text(let string):
            indent(depth, &output)
            SVGEscaping.append(string, quotes: false, to: &output)
            output += "\n"
        case .raw(let markup):
            indent(depth, &output)
            output += markup
            output += "\n"
        case .element(let name, let attributes, let children):
            indent(depth, &output)
            appendOpeningTag(name, attributes, to: &output)
            let flat = flatten(children)
            if flat.isEmpty {
                output += "/>\n"
            } else if flat.contains(where: isCharacterData) {
                output += ">"
                for child in flat { appendInline(child, to: &output) }
                output += "</" + name + ">\n"
            } else {
                output += ">\n"
                for child in flat { append(child, depth: depth + 1, to: &output) }
                indent(depth, &output)
                output += "</" + name + ">\n"
            }
        }
    }

    private static func indent(_ depth: Int, _ output: inout String) {
        for _ in 0..<depth { output += "  " }
    }

    /// `<name a="…" b="…"` without the closing `>` or `/>`.
    private static func appendOpeningTag(
        _ name: String, _ attributes: [SVGAttribute], to output: inout String
    ) {
        output += "<"
        output += name
        for attribute in attributes {
            output += " "
            output += attribute.name
            output += "=\""
            SVGEscaping.append(attribute.value, quotes: true, to: &output)
            output += "\""
        }
    }

    private static func flatten(_ nodes: [SVGNode]) -> [SVGNode] {
        nodes.flatMap { node -> [SVGNode] in
            if case .fragment(let children) = node { return flatten(children) }
            return [node]
        }
    }

    private static func isCharacterData(_ node: SVGNode) -> Bool {
        switch node {
        case .text, .raw: return true
        case .element, .fragment: return false
        }
    }

    /// Serializes a node on a single line without indentation (used inside elements with mixed content,
    /// where added whitespace would become part of the rendered text).
    private static func appendInline(_ node: SVGNode, to output: inout String) {
        switch node {
        case .fragment(let children):
            for child in children { appendInline(child, to: &output) }
        case .text(let string):
            SVGEscaping.append(string, quotes: false, to: &output)
        case .raw(let markup):
            output += markup
        case .element(let name, let attributes, let children):
            appendOpeningTag(name, attributes, to: &output)
            if flatten(children).isEmpty {
                output += "/>"
                return
            }
            output += ">"
            for child in children { appendInline(child, to: &output) }
            output += "</" + name + ">"
        }
    }
}
