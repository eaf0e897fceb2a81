import Foundation

/// A figure whose SVG bytes differ, with what its description (`<desc>`, the chart's data in
/// words) says differently.
public struct FigureChange: Sendable, Equatable, Encodable {
    public var figure: String
    public var oldDescription: String?
    public var newDescription: String?
    /// The phrases of the description that changed; empty when only the drawing changed.
    public var changes: [TextHunk]

    enum CodingKeys: String, CodingKey {
        case figure, changes
        case oldDescription = "old_description"
        case newDescription = "new_description"
    }

    /// Nil when the two files are byte for byte the same.
    init?(figure: String, old: Data, new: Data) {
        guard old != new else { return nil }
        self.figure = figure
        oldDescription = Self.description(in: String(decoding: old, as: UTF8.self))
        newDescription = Self.description(in: String(decoding: new, as: UTF8.self))
        changes = SegmentDiff.hunks(old: oldDescription ?? "", new: newDescription ?? "")
    }

    /// The text of the first `<desc …>…</desc>`, its entities decoded.
    static func description(in svg: String) -> String? {
        guard let open = svg.range(of: "<desc"), let openEnd = svg[open.upperBound...].firstIndex(of: ">"),
            let close = svg.range(of: "</desc>", range: openEnd..<svg.endIndex)
        else { return nil }
        return unescape(String(svg[svg.index(after: openEnd)..<close.lowerBound]))
    }

    private static func unescape(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";"),
                let decoded = entity(rest[rest.index(after: amp)..<semicolon])
            else {
                result += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            result.unicodeScalars.append(decoded)
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }

    private static func entity(_ name: Substring) -> Unicode.Scalar? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value =
                digits.hasPrefix("x") || digits.hasPrefix("X")
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            return value.flatMap(Unicode.Scalar.init)
        }
    }
}
