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
        var lines: [String] = []
        SVGSerializer.append(self, depth: 0, to: &lines)
        return lines.map { $0 + "\n" }.joined()
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
        escape(string, quotes: false)
    }

    /// Escapes text for a double-quoted attribute value: also `"` and `'`.
    public static func attribute(_ string: String) -> String {
        escape(string, quotes: true)
    }

    private static func escape(_ string: String, quotes: Bool) -> String {
        var result = ""
        result.reserveCapacity(string.utf8.count)
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
        return result
    }

    /// XML 1.0 forbids most C0 controls and U+FFFE/U+FFFF even as character references; they are dropped.
    private static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return false }
        return value != 0xFFFE && value != 0xFFFF
    }
}

private enum SVGSerializer {
    static func append(_ node: SVGNode, depth: Int, to lines: inout [String]) {
        let indent = String(repeating: "  ", count: depth)
        switch node {
        case .fragment(let children):
            for child in children { append(child, depth: depth, to: &lines) }
        case .text(let string):
            lines.append(indent + SVGEscaping.text(string))
        case .raw(let markup):
            lines.append(indent + markup)
        case .element(let name, let attributes, let children):
            let open = openingTag(name, attributes)
            let flat = flatten(children)
            if flat.isEmpty {
                lines.append(indent + open + "/>")
            } else if flat.contains(where: isCharacterData) {
                lines.append(indent + open + ">" + flat.map(inline).joined() + "</\(name)>")
            } else {
                lines.append(indent + open + ">")
                for child in flat { append(child, depth: depth + 1, to: &lines) }
                lines.append(indent + "</\(name)>")
            }
        }
    }

    /// `<name a="…" b="…"` without the closing `>` or `/>`.
    private static func openingTag(_ name: String, _ attributes: [SVGAttribute]) -> String {
        "<" + name + attributes.map { " \($0.name)=\"\(SVGEscaping.attribute($0.value))\"" }.joined()
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
    private static func inline(_ node: SVGNode) -> String {
        switch node {
        case .fragment(let children):
            return children.map(inline).joined()
        case .text(let string):
            return SVGEscaping.text(string)
        case .raw(let markup):
            return markup
        case .element(let name, let attributes, let children):
            let open = openingTag(name, attributes)
            if flatten(children).isEmpty { return open + "/>" }
            return open + ">" + children.map(inline).joined() + "</\(name)>"
        }
    }
}
