/// Escapes text from the data for Markdown, so that a study title such as
/// `<script>alert(1)</script> | *x* _y_` shows literally: every ASCII punctuation character that
/// CommonMark or GFM could read as syntax gets a backslash, and line breaks become spaces (a cell or a
/// sentence must stay on its line).
public enum MarkdownText {
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "!", "|", "~", "&":
                // The punctuation that can open or close inline syntax, HTML or a table cell; a backslash
                // before ASCII punctuation is always literal in CommonMark. Others stay bare for readability.
                result.append("\\")
                result.append(character)
            case "\r\n", "\n", "\r":
                result.append(" ")
            case "\u{E000}", "\u{E001}":
                // Reserved for the renderer's own table and figure markers: data may not forge them.
                result.append("\u{FFFD}")
            default:
                result.append(character)
            }
        }
        return result
    }
}
