import Foundation

/// Reads a count as written by an author, in a config or a CSV cell: a whole number of at least 0.
/// The failure says what is wrong in words that fit after "'key' should be …".
enum CountParsing {
    enum Failure: Error, Equatable {
        case empty
        case negative(String)
        case fractional(String)
        case thousandsSeparators(String)
        case notANumber(String)
        case tooLarge(String)

        /// Completes "'<what>' …".
        var explanation: String {
            switch self {
            case .empty: "has no value; give a whole number or leave the key out"
            case .negative(let text): "should be a whole number of at least 0, not \(text)"
            case .fractional(let text): "should be a whole number, not \(text)"
            case .thousandsSeparators(let text):
                "should be written without thousands separators: \(text.filter { $0 != "," && $0 != "_" }), not \(text)"
            case .notANumber(let text): "should be a whole number, not '\(text)'"
            case .tooLarge(let text):
                "is too large a count: \(text) (the largest accepted is \(CountParsing.largestCount))"
            }
        }
    }

    /// No search identifies a billion records. The ceiling keeps every sum and difference the checks
    /// and the diagram make far from `Int.max`: two counts near it once overflowed and crashed the load.
    static let largestCount = 1_000_000_000

    static func count(_ raw: String) -> Result<Int, Failure> {
        let text = raw.trimmingSpaces
        if text.isEmpty || text == "~" || text == "null" { return .failure(.empty) }
        if isDigits(text) {
            guard let value = Int(text), value <= largestCount else { return .failure(.tooLarge(text)) }
            return .success(value)
        }
        if text.hasPrefix("-"), isNumeric(String(text.dropFirst())) { return .failure(.negative(text)) }
        if text.contains(","), isDigits(text.filter { $0 != "," }) {
            return .failure(.thousandsSeparators(text))
        }
        if isNumeric(text) { return .failure(.fractional(text)) }
        return .failure(.notANumber(text))
    }

    private static func isDigits(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
    }

    /// Digits with at most one decimal point or an exponent: "12.5", "1e3".
    private static func isNumeric(_ text: String) -> Bool {
        Double(text) != nil && text.unicodeScalars.contains { ("0"..."9").contains($0) }
    }
}
