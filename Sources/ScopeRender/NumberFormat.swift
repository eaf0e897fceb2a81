import ScopeDiagnostics
import ScopeLoad
import ScopeSynthesis
import ScopeSystem

/// The presentation rules, stated once in the config, applied to every number the report prints: on
/// the page, in the table files and in the figures' annotations.
public struct NumberFormat: Sendable {
    public var presentation: Presentation

    public init(_ presentation: Presentation) { self.presentation = presentation }

    public func format(_ value: ResultValue) -> String {
        switch value {
        case .count(let count): grouped(count)
        case .percent(let percent): fixed(percent, decimals: presentation.percentDecimals)
        case .pValue(let p): pValue(p)
        case .statistic(let value): fixed(value, decimals: presentation.decimals)
        case .measure(let value): measure(value)
        case .plain(let value):
            value == value.rounded() && abs(value) < 1e15
                ? String(Int64(value)) : fixed(value, decimals: presentation.decimals)
        case .text(let text): text
        case .notComputable: "n/a"
        }
    }

    /// "< 0.001" below the floor, otherwise fixed decimals.
    public func pValue(_ p: Double) -> String {
        if p < presentation.pValueFloor { return "< " + shortestFixed(presentation.pValueFloor) }
        return fixed(p, decimals: presentation.pValueDecimals)
    }

    /// Whole values print whole ("93"), others with the configured decimals ("93.5" → "93.50").
    public func measure(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < Self.scientificFrom { return grouped(Int(value)) }
        return fixed(value, decimals: presentation.decimals)
    }

    public func percent(_ value: Double) -> String { fixed(value, decimals: presentation.percentDecimals) }

    /// From 10¹⁵ on, a double's fixed notation holds digits it does not have (1e308 has 309): such a
    /// number is printed as `1.70e+308`, which every table reader and spreadsheet reads back.
    static let scientificFrom = 1e15

    /// Thousands separated by a comma (journal style, locale-independent): 1,356.
    public func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return value < 0 ? "−" + result : result
    }

    /// Fixed decimals, rounding half away from zero, with no "-0.00" and a real minus sign; from
    /// `scientificFrom` on, the same decimals after the point of an exponent form (`1.70e+308`).
    public func fixed(_ value: Double, decimals: Int) -> String {
        if value.isFinite, abs(value) >= Self.scientificFrom {
            let text = PrintfNumber.exponent(value, decimals: decimals)
            return text.hasPrefix("-") ? "−" + text.dropFirst() : text
        }
        var text = PrintfNumber.fixed(value, decimals: decimals)
        if text.hasPrefix("-") {
            let magnitude = text.dropFirst()
            text = magnitude.allSatisfy({ $0 == "0" || $0 == "." }) ? String(magnitude) : "−" + magnitude
        }
        return text
    }

    private func shortestFixed(_ value: Double) -> String {
        var text = PrintfNumber.fixed(value, decimals: 10)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
