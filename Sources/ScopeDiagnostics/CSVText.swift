/// RFC 4180 fields as every CSV the tool writes needs them (tables/*.csv, the PRISMA2020 template).
public enum CSVText {
    /// `text` as one field: quoted when it holds the separator, a quote or a line break, every quote
    /// doubled, even one a combining mark follows (one Character with it, but still a quote byte to a
    /// CSV reader).
    public static func field(_ text: String, separator: Character = ",") -> String {
        let separator = separator.asciiValue ?? UInt8(ascii: ",")
        guard
            text.utf8.contains(where: { $0 == separator || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 })
        else { return text }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(scalar) }
        }
        return quoted + "\""
    }

    /// `text` as one field of a table a spreadsheet program will open: a text starting with `=`, `+`,
    /// `-`, `@`, a tab or a carriage return gets a leading `'` (as OWASP advises against CSV injection),
    /// so that `=HYPERLINK(…)` from a cell is shown as text rather than run as a formula. A number
    /// (`-3`, `-0.5`, `+1e+308`) is left as it is, so the column stays numeric.
    public static func spreadsheetField(_ text: String) -> String {
        guard let first = text.utf8.first, "=+-@\t\r".utf8.contains(first), !isNumber(text) else {
            return field(text)
        }
        return field("'" + text)
    }

    /// A plain decimal number: an optional sign, digits with an optional fraction, an optional exponent.
    static func isNumber(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        func skipSign() {
            if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
                bytes = bytes.dropFirst()
            }
        }
        func digits() -> Int {
            let count = bytes.prefix(while: isDigit).count
            bytes = bytes.dropFirst(count)
            return count
        }
        skipSign()
        var count = digits()
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            count += digits()
        }
        guard count > 0 else { return false }
        if let first = bytes.first, first == UInt8(ascii: "e") || first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            skipSign()
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }
}
