extension String {
    /// A cell's text as a diagnostic quotes it: in double quotes, on one line (a line break inside
    /// would split the `file:line:column: error:` line that editors parse), and cut short when long.
    var quotedForMessage: String {
        let limit = 60
        var escaped = ""
        for character in prefix(limit) {
            switch character {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n", "\r\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            default: escaped.append(character)
            }
        }
        return "\"" + escaped + (count > limit ? "…" : "") + "\""
    }
}
