/// RFC 4180 fields as every CSV the tool writes needs them (tables/*.csv, the PRISMA2020 template).
public enum CSVText {
    /// `text` as one field: quoted when it holds a comma, a quote or a line break, every quote doubled,
    /// even one a combining mark follows (one Character with it, but still a quote byte to a CSV reader).
    public static func field(_ text: String) -> String {
        // No byte that could be a comma, quote or line break: nothing to quote.
        guard
            text.utf8.contains(where: {
                $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13
            })
        else { return text }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(scalar) }
        }
        return quoted + "\""
    }
}
