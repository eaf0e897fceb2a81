import ScopeDiagnostics

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
        var output = SVGSerializer.Output()
        SVGSerializer.append(self, depth: 0, to: &output)
        return String(decoding: output.bytes, as: UTF8.self)
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
        // Bidi controls in a label are isolated, so they cannot reorder the rest of its text element.
        let string = BidiIsolation.isolated(string)
        guard string.utf8.contains(where: { needsWork($0, quotes: quotes) }) else {
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

    /// Whether a text holding `byte` may need escaping: controls, the markup characters, 0xEF, which
    /// starts U+FFFE and U+FFFF, and 0xE2, which starts the bidi controls (isolated).
    static func needsWork(_ byte: UInt8, quotes: Bool) -> Bool {
        switch byte {
        case 0..<0x20, UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), 0xEF, 0xE2: true
        case UInt8(ascii: "\""), UInt8(ascii: "'"): quotes
        default: false
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
    /// The document's UTF-8 bytes, appended to one growing array: building a string per line and
    /// joining them cost more than drawing the charts, and appending to a `String` piece by piece
    /// cost half of what remained.
    struct Output {
        var bytes: [UInt8] = []

        init() { bytes.reserveCapacity(16_384) }

        mutating func append(_ text: String) {
            var text = text
            text.withUTF8 { bytes.append(contentsOf: $0) }
        }

        mutating func append(_ byte: UInt8) { bytes.append(byte) }

        /// `text` escaped for character data, or for a double-quoted attribute value (`quotes`).
        mutating func appendEscaped(_ text: String, quotes: Bool) {
            var text = text
            let plain = text.withUTF8 { utf8 -> Bool in
                // Most values (numbers, class names) need nothing: one pass over the bytes finds that.
                guard !utf8.contains(where: { SVGEscaping.needsWork($0, quotes: quotes) }) else {
                    return false
                }
                bytes.append(contentsOf: utf8)
                return true
            }
            guard !plain else { return }
            var escaped = ""
            SVGEscaping.append(text, quotes: quotes, to: &escaped)
            append(escaped)
        }
    }

    static func append(_ node: SVGNode, depth: Int, to output: inout Output) {
        switch node {
        case .fragment(let children):
            for child in children { append(child, depth: depth, to: &output) }
        case .text(let string):
            indent(depth, &output)
            output.appendEscaped(string, quotes: false)
            output.append(UInt8(ascii: "\n"))
        case .raw(let markup):
            indent(depth, &output)
            output.append(markup)
            output.append(UInt8(ascii: "\n"))
        case .element(let name, let attributes, let children):
            indent(depth, &output)
            appendOpeningTag(name, attributes, to: &output)
            let flat = children.contains(where: isFragment) ? flatten(children) : children
            if flat.isEmpty {
                output.append("/>\n")
            } else if flat.contains(where: isCharacterData) {
                output.append(UInt8(ascii: ">"))
                for child in flat { appendInline(child, to: &output) }
                appendClosingTag(name, to: &output)
                output.append(UInt8(ascii: "\n"))
            } else {
                output.append(">\n")
                for child in flat { append(child, depth: depth + 1, to: &output) }
                indent(depth, &output)
                appendClosingTag(name, to: &output)
                output.append(UInt8(ascii: "\n"))
            }
        }
    }

    private static func indent(_ depth: Int, _ output: inout Output) {
        for _ in 0..<(2 * depth) { output.append(UInt8(ascii: " ")) }
    }

    /// `<name a="…" b="…"` without the closing `>` or `/>`.
    private static func appendOpeningTag(
        _ name: String, _ attributes: [SVGAttribute], to output: inout Output
    ) {
        output.append(UInt8(ascii: "<"))
        output.append(name)
        for attribute in attributes {
            output.append(UInt8(ascii: " "))
            output.append(attribute.name)
            output.append("=\"")
            output.appendEscaped(attribute.value, quotes: true)
            output.append(UInt8(ascii: "\""))
        }
    }

    private static func appendClosingTag(_ name: String, to output: inout Output) {
        output.append("</")
        output.append(name)
        output.append(UInt8(ascii: ">"))
    }

    private static func flatten(_ nodes: [SVGNode]) -> [SVGNode] {
        nodes.flatMap { node -> [SVGNode] in
            if case .fragment(let children) = node { return flatten(children) }
            return [node]
        }
    }

    private static func isFragment(_ node: SVGNode) -> Bool {
        if case .fragment = node { return true }
        return false
    }

    private static func isCharacterData(_ node: SVGNode) -> Bool {
        switch node {
        case .text, .raw: return true
        case .element, .fragment: return false
        }
    }

    /// Serializes a node on a single line without indentation (used inside elements with mixed content,
    /// where added whitespace would become part of the rendered text).
    private static func appendInline(_ node: SVGNode, to output: inout Output) {
        switch node {
        case .fragment(let children):
            for child in children { appendInline(child, to: &output) }
        case .text(let string):
            output.appendEscaped(string, quotes: false)
        case .raw(let markup):
            output.append(markup)
        case .element(let name, let attributes, let children):
            appendOpeningTag(name, attributes, to: &output)
            if flatten(children).isEmpty {
                output.append("/>")
                return
            }
            output.append(UInt8(ascii: ">"))
            for child in children { appendInline(child, to: &output) }
            appendClosingTag(name, to: &output)
        }
    }
}
