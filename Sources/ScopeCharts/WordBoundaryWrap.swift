// Wrapping for headers that must stay readable: lines break between words or after a hyphen inside a
// word ("treatment-" / "response"), never in the middle of a word.

extension TextMetrics {
    /// The lines of `text` wrapped into `maxWidth`, and whether they show all of it.
    struct WrappedText: Equatable {
        let lines: [String]
        /// False when a piece wider than a whole line, or text beyond `maxLines`, was cut to an ellipsis.
        let isComplete: Bool
    }

    /// A piece of text that a line may end after: a word, or the part of a word up to a hyphen.
    private struct Piece {
        let text: String
        /// Whether a space separates the piece from the one before (false after a hyphen).
        let followsSpace: Bool
    }

    /// Greedy wrap at spaces and after hyphens (a hyphen with letters on both sides). A piece wider than
    /// `maxWidth` gets a line of its own, shortened with an ellipsis; when more than `maxLines` lines
    /// would be needed, the last kept line ends with an ellipsis.
    static func wrapAtWordBoundaries(
        _ text: String, maxWidth: Double, fontSize: Double, maxLines: Int = .max
    ) -> WrappedText {
        let pieces = pieces(of: text)
        var lines: [String] = []
        // Index of the first piece of each line, to rebuild the text cut off beyond `maxLines`.
        var lineStarts: [Int] = []
        var current = ""
        var currentStart = 0
        var isComplete = true
        func joined(_ line: String, _ piece: Piece) -> String {
            line.isEmpty ? piece.text : line + (piece.followsSpace ? " " : "") + piece.text
        }
        for (index, piece) in pieces.enumerated() {
            let candidate = joined(current, piece)
            if width(of: candidate, fontSize: fontSize) <= maxWidth {
                if current.isEmpty { currentStart = index }
                current = candidate
                continue
            }
            if !current.isEmpty {
                lines.append(current)
                lineStarts.append(currentStart)
            }
            current = ""
            if width(of: piece.text, fontSize: fontSize) > maxWidth {
                lines.append(truncate(piece.text, maxWidth: maxWidth, fontSize: fontSize))
                lineStarts.append(index)
                isComplete = false
            } else {
                current = piece.text
                currentStart = index
            }
        }
        if !current.isEmpty {
            lines.append(current)
            lineStarts.append(currentStart)
        }
        let keep = max(1, maxLines)
        guard lines.count > keep else { return WrappedText(lines: lines, isComplete: isComplete) }
        let overflow = pieces[lineStarts[keep - 1]...].reduce("") { joined($0, $1) }
        let last = shortened(
            overflow, maxWidth: maxWidth, fontSize: fontSize, bold: false, forceEllipsis: true)
        return WrappedText(lines: Array(lines[..<(keep - 1)]) + [last], isComplete: false)
    }

    /// Width of the widest piece of `text` that `wrapAtWordBoundaries` never breaks.
    static func widestUnbreakablePiece(of text: String, fontSize: Double) -> Double {
        pieces(of: text).map { width(of: $0.text, fontSize: fontSize) }.max() ?? 0
    }

    /// The narrowest width (to within 0.1 px) at which `wrapAtWordBoundaries` shows all of `text` in at
    /// most `maxLines` lines.
    static func narrowestWidth(of text: String, maxLines: Int, fontSize: Double) -> Double {
        var fits = width(of: text, fontSize: fontSize)
        var tooNarrow = widestUnbreakablePiece(of: text, fontSize: fontSize)
        if wrapAtWordBoundaries(text, maxWidth: tooNarrow, fontSize: fontSize, maxLines: maxLines).isComplete
        {
            return tooNarrow
        }
        // Greedy wrapping never needs more lines at a greater width, so the answer can be bisected.
        while fits - tooNarrow > 0.1 {
            let middle = (fits + tooNarrow) / 2
            if wrapAtWordBoundaries(text, maxWidth: middle, fontSize: fontSize, maxLines: maxLines).isComplete
            {
                fits = middle
            } else {
                tooNarrow = middle
            }
        }
        return fits
    }

    private static func pieces(of text: String) -> [Piece] {
        let words = text.split(whereSeparator: { $0 == " " || $0.isNewline || $0 == "\t" })
        var pieces: [Piece] = []
        for word in words {
            var part = ""
            var isFirstPart = true
            let characters = Array(word)
            for (index, character) in characters.enumerated() {
                part.append(character)
                let breaksAfter =
                    character == "-" && index > 0 && index < characters.count - 1
                    && characters[index - 1].isLetter && characters[index + 1].isLetter
                if breaksAfter {
                    pieces.append(Piece(text: part, followsSpace: isFirstPart))
                    part = ""
                    isFirstPart = false
                }
            }
            pieces.append(Piece(text: part, followsSpace: isFirstPart))
        }
        return pieces
    }
}
