import ScopeDiagnostics

/// Reads one cell's text as the codebook's type says, or says in a sentence why it cannot.
package struct CellParser {
    let decimalMark: Character

    enum Parsed: Equatable {
        case number(Double)
        case categories([String])
        case text(String)
    }

    func parse(_ raw: String, as column: ColumnSpec) -> Result<Parsed, CellError> {
        let parsed = parseValue(raw, as: column)
        guard case .success(.number(let value)) = parsed else { return parsed }
        if let minimum = column.minimum, value < minimum {
            return .failure(
                CellError("\(raw.quotedForMessage) is below \(decimal(minimum)), the codebook's 'min'"))
        }
        if let maximum = column.maximum, value > maximum {
            return .failure(
                CellError("\(raw.quotedForMessage) is above \(decimal(maximum)), the codebook's 'max'"))
        }
        return parsed
    }

    private func parseValue(_ raw: String, as column: ColumnSpec) -> Result<Parsed, CellError> {
        let text = raw.trimmingSpaces
        // Only a failing cell needs its quoted form; building it for every cell cost half of validation.
        var shown: String { raw.quotedForMessage }
        switch column.type {
        case .integer:
            guard let value = Int(text) else { return .failure(CellError("\(shown) is not an integer")) }
            guard value.magnitude <= Self.largestExactInteger.magnitude else {
                return .failure(
                    CellError(
                        "\(shown) is too large to be kept exactly: integers go up to \(Self.largestExactInteger)"
                    ))
            }
            return .success(.number(Double(value)))
        case .number:
            guard let value = number(text) else {
                return .failure(notANumber(text, shown: shown, otherwise: "\(shown) is not a number"))
            }
            return .success(.number(value))
        case .fraction:
            guard let value = number(text) else {
                if text.hasSuffix("%"), let percent = number(String(text.dropLast()).trimmingSpaces) {
                    return .failure(
                        CellError(
                            "\(shown) is a percentage, but fractions lie between 0 and 1: write \(decimal(percent / 100))"
                        ))
                }
                return .failure(
                    notANumber(
                        text, shown: shown,
                        otherwise:
                            "\(shown) is not a number; fractions are written from 0 to 1, e.g. \(decimal(0.85))"
                    ))
            }
            if value > 1 {
                var message = "\(shown) is above 1, but fractions lie between 0 and 1"
                if value <= 100 { message += "; it looks like a percentage: write \(decimal(value / 100))" }
                return .failure(CellError(message))
            }
            if value < 0 {
                return .failure(CellError("\(shown) is below 0, but fractions lie between 0 and 1"))
            }
            return .success(.number(value))
        case .year:
            guard let value = Int(text) else {
                return .failure(CellError("\(shown) is not a year; write the four-digit year of publication"))
            }
            guard (1000...2999).contains(value) else {
                return .failure(CellError("\(shown) is not a plausible year; write all four digits"))
            }
            return .success(.number(Double(value)))
        case .category(let values):
            if let problem = check(text, allowed: values, column: column) {
                return .failure(CellError(problem))
            }
            return .success(.categories([text]))
        case .multiCategory(let values, let separator):
            // Every bad value of the cell is reported, not only the first.
            var parts: [String] = []
            var problems: [String] = []
            // A one-character separator (the usual ";") splits by that character: splitting by a string
            // goes through the string-processing library's searcher, a third of the sheet's parse.
            let pieces =
                separator.count == 1
                ? text.split(separator: separator.first!, omittingEmptySubsequences: false)
                : text.split(separator: separator, omittingEmptySubsequences: false)
            for part in pieces {
                let value = String(part).trimmingSpaces
                guard !value.isEmpty, !parts.contains(value) else { continue }
                if let problem = check(value, allowed: values, column: column) { problems.append(problem) }
                parts.append(value)
            }
            return problems.isEmpty ? .success(.categories(parts)) : .failure(CellError(messages: problems))
        case .text:
            return .success(.text(raw))
        case .doi:
            guard let doi = DOI.normalize(text) else {
                return .failure(
                    CellError(
                        "\(shown) is not a DOI; write it as 10.NNNN/suffix (a https://doi.org/ prefix is fine)"
                    ))
            }
            return .success(.text(doi))
        case .url:
            if URLCheck.isWebAddress(text) { return .success(.text(text)) }
            if URLCheck.hasOtherScheme(text) {
                return .failure(
                    CellError(
                        "\(shown) is refused: only http:// and https:// addresses are published as links"))
            }
            return .failure(
                CellError(
                    "\(shown) is not a web address; write it in full, starting with https:// or http://"))
        }
    }

    private func check(_ value: String, allowed: [String], column: ColumnSpec) -> String? {
        if allowed.isEmpty || allowed.contains(value) || column.notReported.contains(value) { return nil }
        var message = "\(value.quotedForMessage) is not one of the codebook's values"
        let candidates = allowed + column.notReported
        if let suggestion = Suggestion.closest(to: value, among: candidates) {
            message += "; did you mean \(suggestion.quotedForMessage)?"
        } else {
            if candidates.count <= 12 { message += " (" + candidates.joined(separator: ", ") + ")" }
            message += "; correct the cell, or add the value to the column's 'values' in the config"
        }
        return message
    }

    /// Says why `text` is not a number when the commonest cause, the other decimal mark, is to blame;
    /// `otherwise` when it is not.
    private func notANumber(_ text: String, shown: String, otherwise: String) -> CellError {
        let other: Character = decimalMark == "." ? "," : "."
        let swapped = CellParser(decimalMark: other)
        guard text.contains(other), let value = swapped.number(text) else { return CellError(otherwise) }
        // `1,000` may be a thousands separator rather than a decimal comma: do not guess a value.
        let whole = text.prefix { $0 != other }.filter(\.isNumber)
        let fraction = text.split(separator: other).last ?? ""
        if fraction.count == 3, whole.contains(where: { $0 != "0" }) {
            return CellError(
                "\(shown) is not a number: write decimals with \"\(decimalMark)\" and no thousands separators"
            )
        }
        var message =
            "\(shown) is not a number: this sheet's decimal mark is \"\(decimalMark)\"; write \(decimal(value))"
        if decimalMark == "." {
            message +=
                ", or set `decimal_mark: \",\"` under 'sheet' in the config if the whole sheet uses commas"
        }
        return CellError(message)
    }

    /// A number as this sheet writes it, for hints the author can type back in.
    private func decimal(_ value: Double) -> String {
        let text = NumberText.shortest(value)
        return decimalMark == "." ? text : text.replacingOccurrences(of: ".", with: String(decimalMark))
    }

    /// A decimal number in the sheet's convention (`0.93`, or `0,93` for a German export).
    func number(_ text: String) -> Double? {
        var text = text
        if decimalMark == "," {
            guard !text.contains(".") else { return nil }
            text = text.replacingOccurrences(of: ",", with: ".")
        }
        return Self.decimal(text)
    }

    /// A number as an author types it: digits, a point, a sign and an exponent. Double() also accepts
    /// "inf", "nan", hex (`0x1p3` is 8) and stops at a NUL; no data cell means any of those.
    package static func decimal(_ text: String) -> Double? {
        guard !text.isEmpty, text.utf8.allSatisfy({ "0123456789+-.eE".utf8.contains($0) }),
            let value = Double(text), value.isFinite
        else { return nil }
        return value
    }

    /// An integer beyond 2⁵³ cannot be kept exactly as the Double every number becomes.
    static let largestExactInteger = 1 << 53

}

/// Why a cell cannot be read: one sentence per problem (a multi-category cell may hold several).
struct CellError: Error, Equatable {
    var messages: [String]
    init(_ message: String) { self.messages = [message] }
    init(messages: [String]) { self.messages = messages }
}

/// DOIs as Crossref defines them: `10.` + registrant + `/` + suffix; a resolver prefix is dropped.
enum DOI {
    static func normalize(_ text: String) -> String? {
        var doi = text
        for prefix in [
            "https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:",
        ]
        where doi.lowercased().hasPrefix(prefix) {
            doi = String(doi.dropFirst(prefix.count)).trimmingSpaces
        }
        guard doi.hasPrefix("10."), let slash = doi.firstIndex(of: "/") else { return nil }
        let registrant = doi[doi.index(doi.startIndex, offsetBy: 3)..<slash]
        let suffix = doi[doi.index(after: slash)...]
        guard !registrant.isEmpty, registrant.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            !suffix.isEmpty, !suffix.contains(where: { $0.isWhitespace || $0.isNewline })
        else { return nil }
        return doi
    }
}

enum URLCheck {
    /// http(s) only: a URL column is published as a link, and other schemes (javascript:, data:) are unsafe.
    static func isWebAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard let scheme = ["https://", "http://"].first(where: { lower.hasPrefix($0) }) else { return false }
        let host = text.dropFirst(scheme.count).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !host.isEmpty else { return false }
        return !text.unicodeScalars.contains { scalar in
            // ASCII first, without the Unicode property tables: controls, space, and < > " `.
            if scalar.isASCII {
                return scalar.value <= 0x20 || scalar.value == 0x7F || "<>\"`".unicodeScalars.contains(scalar)
            }
            return scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
        }
    }

    /// `javascript:…`, `data:…`, `file:…`: a scheme the report will not link to, as opposed to a bare
    /// address that merely lacks `https://`.
    static func hasOtherScheme(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let scheme = text[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter,
            !["http", "https"].contains(scheme.lowercased())
        else { return false }
        // `example.org:8080/x` has a port, not a scheme.
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
            && !scheme.contains(".")
    }
}
