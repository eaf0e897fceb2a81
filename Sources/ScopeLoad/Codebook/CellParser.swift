/// Reads one cell's text as the codebook's type says, or says in a sentence why it cannot.
struct CellParser {
    let decimalMark: Character

    enum Parsed: Equatable {
        case number(Double)
        case categories([String])
        case text(String)
    }

    func parse(_ raw: String, as column: ColumnSpec) -> Result<Parsed, CellError> {
        let text = raw.trimmingSpaces
        switch column.type {
        case .integer:
            guard let value = Int(text) else { return .failure(CellError("\"\(raw)\" is not an integer")) }
            return .success(.number(Double(value)))
        case .number:
            guard let value = number(text) else { return .failure(CellError("\"\(raw)\" is not a number")) }
            return .success(.number(value))
        case .fraction:
            guard let value = number(text) else {
                if text.hasSuffix("%"), let percent = number(String(text.dropLast()).trimmingSpaces) {
                    return .failure(
                        CellError(
                            "\"\(raw)\" is a percentage; fractions are written from 0 to 1 (\(shortest(percent / 100)))"))
                }
                return .failure(CellError("\"\(raw)\" is not a number"))
            }
            if value > 1 {
                var message = "\(shortest(value)) is above 1; fractions are written from 0 to 1"
                if value <= 100 { message += " (it looks like a percentage: write \(shortest(value / 100)))" }
                return .failure(CellError(message))
            }
            if value < 0 { return .failure(CellError("\(shortest(value)) is below 0; fractions lie between 0 and 1")) }
            return .success(.number(value))
        case .year:
            guard let value = Int(text) else { return .failure(CellError("\"\(raw)\" is not a year")) }
            guard (1000...2999).contains(value) else {
                return .failure(CellError("\(value) is not a plausible year (expected four digits)"))
            }
            return .success(.number(Double(value)))
        case .category(let values):
            if let problem = check(text, allowed: values, column: column) { return .failure(problem) }
            return .success(.categories([text]))
        case .multiCategory(let values, let separator):
            var parts: [String] = []
            for part in text.components(separatedBy: separator) {
                let value = part.trimmingSpaces
                guard !value.isEmpty, !parts.contains(value) else { continue }
                if let problem = check(value, allowed: values, column: column) { return .failure(problem) }
                parts.append(value)
            }
            return .success(.categories(parts))
        case .text:
            return .success(.text(raw))
        case .doi:
            guard let doi = DOI.normalize(text) else {
                return .failure(CellError("\"\(raw)\" is not a DOI (expected 10.NNNN/…)"))
            }
            return .success(.text(doi))
        case .url:
            guard URLCheck.isWebAddress(text) else {
                return .failure(CellError("\"\(raw)\" is not a web address (expected https://…)"))
            }
            return .success(.text(text))
        }
    }

    private func check(_ value: String, allowed: [String], column: ColumnSpec) -> CellError? {
        if allowed.isEmpty || allowed.contains(value) || column.notReported.contains(value) { return nil }
        var message = "\"\(value)\" is not one of the codebook's values"
        let candidates = allowed + column.notReported
        if let suggestion = Suggestion.closest(to: value, among: candidates) {
            message += "; did you mean \"\(suggestion)\"?"
        } else if candidates.count <= 12 {
            message += " (" + candidates.joined(separator: ", ") + ")"
        }
        return CellError(message)
    }

    /// A decimal number in the sheet's convention (`0.93`, or `0,93` for a German export).
    func number(_ text: String) -> Double? {
        var text = text
        if decimalMark == "," {
            guard !text.contains(".") else { return nil }
            text = text.replacingOccurrences(of: ",", with: ".")
        }
        // Double() accepts "inf", "nan" and hex; a data cell should hold none of them.
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
            let value = Double(text), value.isFinite
        else { return nil }
        return value
    }

    private func shortest(_ value: Double) -> String { NumberText.shortest(value) }
}

struct CellError: Error, Equatable {
    var message: String
    init(_ message: String) { self.message = message }
}

/// DOIs as Crossref defines them: `10.` + registrant + `/` + suffix; a resolver prefix is dropped.
enum DOI {
    static func normalize(_ text: String) -> String? {
        var doi = text
        for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"]
        where doi.lowercased().hasPrefix(prefix) {
            doi = String(doi.dropFirst(prefix.count))
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
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return false }
        return !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" })
    }
}
