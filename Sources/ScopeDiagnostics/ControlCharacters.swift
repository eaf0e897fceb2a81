/// Characters that change how a terminal or a text shows what follows them rather than showing
/// themselves: C0 and C1 controls and DEL (an ESC starts a sequence that can clear the screen or retitle
/// the window), and the bidirectional embeddings, overrides and isolates (they reorder the text around
/// them). Text from a review's files passes through here before it is printed.
public enum ControlCharacters {
    /// C0 (U+0000–U+001F), DEL (U+007F) and C1 (U+0080–U+009F).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// U+202A–U+202E (embeddings, overrides, their pop) and U+2066–U+2069 (isolates, their pop).
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// `text` with each control and bidi control written as a Swift string escape: `\t`, `\n`, `\r`, and
    /// `\u{1B}` (hex, no padding) for the others, so a diagnostic stays one visible line. A line break is
    /// kept as it is when `keepingLineBreaks` (text of several lines). Backslashes are left alone.
    public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        // Nearly every line holds none of them: check the bytes first (every such character is a C0
        // byte, DEL, or begins with 0xC2 or 0xE2 in UTF-8).
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) else {
            return text
        }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n" where keepingLineBreaks: result.unicodeScalars.append(scalar)
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case _ where isControl(scalar) || isBidiControl(scalar):
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
