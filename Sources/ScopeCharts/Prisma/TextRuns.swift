import Foundation

/// A stretch of text in one weight: a box's label may be bold while its "(n = 12)" stays regular.
struct TextRun {
    var text: String
    var bold: Bool
}

/// One paragraph of a box: runs wrapped together, starting `indent` px in from the box's text edge.
struct Paragraph {
    var runs: [TextRun]
    var indent: Double = 0

    init(_ runs: [TextRun], indent: Double = 0) {
        self.runs = runs
        self.indent = indent
    }

    init(_ text: String, bold: Bool = false, indent: Double = 0) {
        self.init([TextRun(text: text, bold: bold)], indent: indent)
    }
}

/// Greedy word wrap over runs of mixed weight, measured with DejaVu Sans advance widths.
enum RunWrapping {
    static let noBreakSpace: Character = "\u{00A0}"

    /// The lines of `runs` no wider than `maxWidth`, each line as runs (adjacent words of one weight
    /// merged). Lines break only at plain spaces, so "(n = 212)" written with no-break spaces stays whole;
    /// a word wider than a line is broken between characters.
    static func wrap(_ runs: [TextRun], maxWidth: Double, fontSize: Double) -> [[TextRun]] {
        let words = runs.flatMap { run in
            run.text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).flatMap { word in
                let shown = String(word.map { $0 == noBreakSpace ? " " : $0 })
                let fits = TextMetrics.width(of: shown, fontSize: fontSize, bold: run.bold) <= maxWidth
                return
                    (fits
                    ? [shown]
                    : TextMetrics.wrap(shown, maxWidth: maxWidth, fontSize: fontSize, bold: run.bold))
                    .map { TextRun(text: $0, bold: run.bold) }
            }
        }
        var lines: [[TextRun]] = []
        var current: [TextRun] = []
        var currentWidth = 0.0
        for word in words {
            let wordWidth = TextMetrics.width(of: word.text, fontSize: fontSize, bold: word.bold)
            let spaceWidth =
                current.isEmpty ? 0 : TextMetrics.width(of: " ", fontSize: fontSize, bold: word.bold)
            if !current.isEmpty, currentWidth + spaceWidth + wordWidth > maxWidth {
                lines.append(merged(current))
                current = []
                currentWidth = 0
            }
            currentWidth += (current.isEmpty ? 0 : spaceWidth) + wordWidth
            current.append(word)
        }
        if !current.isEmpty { lines.append(merged(current)) }
        return lines
    }

    /// Words joined by spaces, one run per stretch of equal weight (the space goes with the next word).
    private static func merged(_ words: [TextRun]) -> [TextRun] {
        var runs: [TextRun] = []
        for (index, word) in words.enumerated() {
            let text = index == 0 ? word.text : " " + word.text
            if let last = runs.last, last.bold == word.bold {
                runs[runs.count - 1].text += text
            } else {
                runs.append(TextRun(text: text, bold: word.bold))
            }
        }
        return runs
    }
}
