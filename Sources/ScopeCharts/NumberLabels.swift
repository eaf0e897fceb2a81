import Foundation
import ScopeDiagnostics
import ScopeSystem

/// Text for numbers shown in charts: locale-independent, `-` replaced by the typographic minus sign,
/// thousands grouped with commas from 10,000 on (so years such as 2019 stay ungrouped).
enum NumberLabels {
    /// A tick label with as many decimals as the step between ticks needs (all ticks of one axis alike).
    static func tick(_ value: Double, step: Double) -> String {
        // The fewest decimals that write the step exactly (0.25 → 2, 0.5 → 1, 5 → 0).
        let decimals =
            (0...6).first { decimals in
                let scaled = abs(step) * pow(10, Double(decimals))
                return abs(scaled - scaled.rounded()) < 1e-6 * max(1, scaled)
            } ?? 6
        return fixed(value, decimals: decimals)
    }

    /// A log-axis tick label: 0.01, 0.1, 1, 10, 100, 1,000, …
    static func logTick(_ value: Double) -> String {
        let decimals = value < 1 ? max(0, -Int(log10(value).rounded(.down))) : 0
        return fixed(value, decimals: min(decimals, 6))
    }

    /// A data value: integers without decimals, others with up to two.
    static func value(_ value: Double) -> String {
        if value == value.rounded() { return fixed(value, decimals: 0) }
        let twoDecimals = fixed(value, decimals: 2)
        guard twoDecimals.contains(".") else { return twoDecimals }
        var trimmed = twoDecimals
        while trimmed.hasSuffix("0") { trimmed.removeLast() }
        if trimmed.hasSuffix(".") { trimmed.removeLast() }
        return trimmed
    }

    static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "–" }
        var text = PrintfNumber.fixed(abs(value), decimals: decimals)
        let isZero = Double(text) == 0
        if abs(value) >= 10_000 { text = grouped(text) }
        return (value < 0 && !isZero ? "\u{2212}" : "") + text
    }

    private static func grouped(_ text: String) -> String {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let digits = Array(parts[0])
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return parts.count > 1 ? result + "." + parts[1] : result
    }
}
