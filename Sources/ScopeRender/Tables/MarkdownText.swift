/// Escapes text from the data for Markdown, so that a study title such as
/// `<script>alert(1)</script> | *x* _y_` shows literally: every ASCII punctuation character that
/// CommonMark or GFM could read as syntax gets a backslash, and line breaks become spaces (a cell or a
/// sentence must stay on its line).
public enum MarkdownText {
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        var previous: [Character] = []
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "!", "|", "~", "&":
                // The punctuation that can open or close inline syntax, HTML or a table cell; a backslash
                // before ASCII punctuation is always literal in CommonMark. Others stay bare for readability.
                result.append("\\")
                result.append(character)
            case ":", "@":
                // GFM's autolink extension turns `scheme:` and `user@host` in text into links; escaped, the
                // trigger character never reaches it, so data text cannot publish an http: or mailto: link.
                result.append("\\")
                result.append(character)
            case "." where previous.suffix(3).map { $0.lowercased() } == ["w", "w", "w"]:
                // Likewise `www.example.org`, which autolinks as http://.
                result.append("\\.")
            case "\r\n", "\n", "\r":
                result.append(" ")
            case "\u{E000}", "\u{E001}":
                // Reserved for the renderer's own table and figure markers: data may not forge them.
                result.append("\u{FFFD}")
            default:
                result.append(character)
            }
            previous.append(character)
            if previous.count > 3 { previous.removeFirst() }
        }
        return result
    }
}
