// Text measurement for layout: charts size their margins and wrap labels before any renderer sees them.

/// Widths of text set in DejaVu Sans (regular or bold), the first font the charts' CSS names, so that
/// measured layout matches what rsvg-convert and most Linux browsers draw. Kerning is ignored; widths
/// are advance sums, which for DejaVu Sans differ from the rendered width by well under 1 %.
public enum TextMetrics {
    /// The character appended when text is shortened.
    public static let ellipsis = "…"

    /// Width in px of `text` at `fontSize` px. Code points outside the generated table count as
    /// 0.6 em (1 em for East Asian wide characters), combining marks as 0.
    public static func width(of text: String, fontSize: Double, bold: Bool = false) -> Double {
        let table = bold ? FontMetricsTable.bold : FontMetricsTable.regular
        var ems = 0.0
        for scalar in text.unicodeScalars {
            ems += table.advance(of: scalar) ?? fallbackAdvance(of: scalar)
        }
        return ems * fontSize
    }

    /// Baseline-to-baseline distance used for multi-line labels.
    public static func lineHeight(fontSize: Double) -> Double {
        fontSize * 1.2
    }

    /// Greedy word wrap into lines no wider than `maxWidth`. Runs of spaces collapse to one space;
    /// a word wider than a whole line is broken between characters, or with `breakWords: false` gets a
    /// line of its own, shortened with an ellipsis. When more than `maxLines` lines would be needed, the
    /// last kept line ends with an ellipsis. Empty text gives no lines.
    public static func wrap(
        _ text: String, maxWidth: Double, fontSize: Double, bold: Bool = false, maxLines: Int = .max,
        breakWords: Bool = true
    ) -> [String] {
        // Only ordinary spaces and line breaks separate words: a no-break space (U+00A0) keeps its
        // neighbours on one line, as in "p\u{A0}=\u{A0}0.51".
        let words = text.split(whereSeparator: {
            $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r\n" || $0 == "\r"
        })
        .map(String.init)
        var lines: [String] = []
        var current = ""
        for word in words {
            let candidate = current.isEmpty ? word : current + " " + word
            if width(of: candidate, fontSize: fontSize, bold: bold) <= maxWidth {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            current = ""
            if !breakWords, width(of: word, fontSize: fontSize, bold: bold) > maxWidth {
                lines.append(truncate(word, maxWidth: maxWidth, fontSize: fontSize, bold: bold))
                continue
            }
            for character in word {
                let extended = current + String(character)
                if !current.isEmpty, width(of: extended, fontSize: fontSize, bold: bold) > maxWidth {
                    lines.append(current)
                    current = String(character)
                } else {
                    current = extended
                }
            }
        }
        if !current.isEmpty { lines.append(current) }
        let keep = max(1, maxLines)
        guard lines.count > keep else { return lines }
        let overflow = lines[(keep - 1)...].joined(separator: " ")
        return Array(lines[..<(keep - 1)])
            + [shortened(overflow, maxWidth: maxWidth, fontSize: fontSize, bold: bold, forceEllipsis: true)]
    }

    /// `text` unchanged if it fits in `maxWidth`, otherwise its longest prefix (whole characters, trailing
    /// spaces dropped) followed by an ellipsis that fits. If not even the ellipsis fits, the ellipsis alone.
    public static func truncate(
        _ text: String, maxWidth: Double, fontSize: Double, bold: Bool = false
    ) -> String {
        shortened(text, maxWidth: maxWidth, fontSize: fontSize, bold: bold, forceEllipsis: false)
    }

    /// `truncate`, or with `forceEllipsis` always ending with an ellipsis (for text that continues).
    static func shortened(
        _ text: String, maxWidth: Double, fontSize: Double, bold: Bool, forceEllipsis: Bool
    ) -> String {
        if !forceEllipsis, width(of: text, fontSize: fontSize, bold: bold) <= maxWidth { return text }
        let budget = maxWidth - width(of: ellipsis, fontSize: fontSize, bold: bold)
        var prefix = ""
        var used = 0.0
        for character in text {
            let advance = width(of: String(character), fontSize: fontSize, bold: bold)
            if used + advance > budget { break }
            prefix.append(character)
            used += advance
        }
        while prefix.last?.isWhitespace == true { prefix.removeLast() }
        return prefix + ellipsis
    }

    private static func fallbackAdvance(of scalar: Unicode.Scalar) -> Double {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        return isEastAsianWide(scalar.value) ? 1.0 : 0.6
    }

    /// The main CJK, Hangul and fullwidth blocks; enough to avoid badly underestimating such labels.
    private static func isEastAsianWide(_ value: UInt32) -> Bool {
        (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value)
            || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
            || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1FAFF).contains(value)
            || (0x20000...0x3FFFD).contains(value)
    }
}
