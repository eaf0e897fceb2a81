/// Text from a review's files shown inside other text (a cell of a page, a label of a chart) must not
/// reorder what surrounds it: a right-to-left override (U+202E) left open runs to the end of the
/// paragraph. Text holding a bidi control is therefore set between FIRST STRONG ISOLATE (U+2068) and
/// POP DIRECTIONAL ISOLATE (U+2069), the characters `<bdi>` stands for, with its own embeddings and
/// isolates closed before the end and a closer that matches nothing inside dropped (it would end the
/// isolate early). Text without a bidi control, nearly all of it, is returned as it is.
public enum BidiIsolation {
    public static func isolated(_ text: String) -> String {
        // Every bidi control is encoded as E2 80 AA–AE or E2 81 A6–A9: no 0xE2 byte, nothing to do.
        guard text.utf8.contains(0xE2), text.unicodeScalars.contains(where: ControlCharacters.isBidiControl)
        else { return text }
        var result = "\u{2068}"
        // The open embeddings and isolates, innermost last: true for an isolate.
        var open: [Bool] = []
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x202A, 0x202B, 0x202D, 0x202E: open.append(false)
            case 0x2066, 0x2067, 0x2068: open.append(true)
            case 0x202C:
                // A PDF closes an embedding of the innermost isolate only.
                guard let last = open.last, !last else { continue }
                open.removeLast()
            case 0x2069:
                // A PDI closes the innermost open isolate and the embeddings inside it.
                guard let isolate = open.lastIndex(of: true) else { continue }
                open.removeSubrange(isolate...)
            default: break
            }
            result.unicodeScalars.append(scalar)
        }
        for isIsolate in open.reversed() { result += isIsolate ? "\u{2069}" : "\u{202C}" }
        return result + "\u{2069}"
    }
}
