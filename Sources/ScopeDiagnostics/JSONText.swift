/// JSON string literals, written by hand wherever the tool writes JSON (results.json, studies.json,
/// manifest.json) so that the bytes are exactly what `git diff` should see.
public enum JSONText {
    /// `text` quoted, with quotes, backslashes, control characters and U+2028/U+2029 (which end a
    /// line in JavaScript) escaped; everything else as it is, in UTF-8.
    public static func string(_ text: String) -> String {
        var text = text
        if !text.withUTF8(needsEscaping) { return "\"" + text + "\"" }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// `string(text)` appended as UTF-8.
    public static func appendString(_ text: String, to json: inout [UInt8]) {
        // Through the string's own buffer: a byte at a time through its UTF-8 view cost half of
        // writing studies.json.
        var text = text
        let copied = text.withUTF8 { bytes -> Bool in
            guard !needsEscaping(bytes) else { return false }
            json.append(UInt8(ascii: "\""))
            json.append(contentsOf: bytes)
            json.append(UInt8(ascii: "\""))
            return true
        }
        if !copied { json += string(text).utf8 }
    }

    /// A quote, a backslash, a control character or U+2028/U+2029 (E2 80 A8/A9): most texts have none
    /// and are copied as they are.
    private static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in bytes {
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
            if (byte == 0xA8 || byte == 0xA9), previous == (0xE2, 0x80) { return true }
            previous = (previous.1, byte)
        }
        return false
    }
}
