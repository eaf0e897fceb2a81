import ScopeDiagnostics

/// Escapes text from the data for Markdown, so that a study title such as
/// `<script>alert(1)</script> | *x* _y_` shows literally: every ASCII punctuation character that
/// CommonMark or GFM could read as syntax gets a backslash, and line breaks become spaces (a cell or a
/// sentence must stay on its line).
///
/// Every cell of every table and every study of a list passes through here, so the escaped text is
/// written as bytes, and ASCII text (most of it) is read byte by byte; other text goes character by
/// character, with the same result.
public enum MarkdownText {
    public static func escape(_ text: String) -> String {
        // Bidi controls from the data are isolated, so they cannot reorder the page around the text.
        let text = BidiIsolation.isolated(text)
        let utf8 = text.utf8
        // Worst case: a backslash before every byte, or U+FFFD (3 bytes) for each 3-byte marker.
        return String(unsafeUninitializedCapacity: utf8.count * 2) { output in
            var written = 0
            if utf8.allSatisfy({ $0 < 0x80 }) {
                escapeASCII(utf8, into: output, at: &written)
            } else {
                escapeCharacters(text, into: output, at: &written)
            }
            return written
        }
    }

    /// ASCII text: every byte is a character, except that CR LF is one.
    private static func escapeASCII(
        _ utf8: String.UTF8View, into output: UnsafeMutableBufferPointer<UInt8>, at written: inout Int
    ) {
        var trailingWs = 0
        var bytes = utf8.makeIterator()
        var pending = bytes.next()
        while let byte = pending {
            pending = bytes.next()
            if byte == 13, pending == 10 {
                pending = bytes.next()
            }
            append(byte, trailingWs: trailingWs, into: output, at: &written)
            trailingWs = byte == UInt8(ascii: "w") || byte == UInt8(ascii: "W") ? min(trailingWs + 1, 3) : 0
        }
    }

    private static func escapeCharacters(
        _ text: String, into output: UnsafeMutableBufferPointer<UInt8>, at written: inout Int
    ) {
        var trailingWs = 0
        for character in text {
            let utf8 = character.utf8
            if utf8.count == 1 {
                let byte = utf8.first!
                append(byte, trailingWs: trailingWs, into: output, at: &written)
                trailingWs =
                    byte == UInt8(ascii: "w") || byte == UInt8(ascii: "W") ? min(trailingWs + 1, 3) : 0
                continue
            }
            // A character of several bytes is never "w", so it ends any run of them.
            trailingWs = 0
            switch character {
            case "`":
                // U+1FEF GREEK VARIA is canonically equivalent to the backtick, so it is a backtick.
                output[written] = UInt8(ascii: "\\")
                written += 1
                copy(utf8, into: output, at: &written)
            case "\r\n":
                copy(" ".utf8, into: output, at: &written)
            case "\u{E000}", "\u{E001}":
                // Reserved for the renderer's own table and figure markers: data may not forge them.
                copy("\u{FFFD}".utf8, into: output, at: &written)
            default:
                copy(utf8, into: output, at: &written)
            }
        }
    }

    /// One single-byte character (a CR of CR LF stands for the pair), after `trailingWs` characters
    /// that were each "w" or "W".
    private static func append(
        _ byte: UInt8, trailingWs: Int, into output: UnsafeMutableBufferPointer<UInt8>, at written: inout Int
    ) {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
            UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "#"), UInt8(ascii: "!"),
            UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "&"),
            // The punctuation that can open or close inline syntax, HTML or a table cell; a backslash
            // before ASCII punctuation is always literal in CommonMark. Others stay bare for readability.
            UInt8(ascii: ":"), UInt8(ascii: "@"):
            // GFM's autolink extension turns `scheme:` and `user@host` in text into links; escaped, the
            // trigger character never reaches it, so data text cannot publish an http: or mailto: link.
            output[written] = UInt8(ascii: "\\")
            output[written + 1] = byte
            written += 2
        case UInt8(ascii: ".") where trailingWs >= 3:
            // Likewise `www.example.org`, which autolinks as http://.
            output[written] = UInt8(ascii: "\\")
            output[written + 1] = byte
            written += 2
        case 10, 13:
            output[written] = UInt8(ascii: " ")
            written += 1
        default:
            output[written] = byte
            written += 1
        }
    }

    private static func copy(
        _ bytes: some Sequence<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>, at written: inout Int
    ) {
        for byte in bytes {
            output[written] = byte
            written += 1
        }
    }
}
