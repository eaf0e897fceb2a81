/// A test on one study's cells that defines a subset: `task contains diagnosis and year >= 2015`.
/// Clauses are joined by `and`; values may be quoted ('soft tissue').
public struct Condition: Sendable, Equatable, CustomStringConvertible {
    public var clauses: [Clause]

    public struct Clause: Sendable, Equatable {
        public var column: String
        public var op: Operator
        public var value: String
    }

    public enum Operator: String, Sendable, Equatable, CaseIterable {
        case equals = "=="
        case notEquals = "!="
        case contains = "contains"
        case atLeast = ">="
        case atMost = "<="
        case greater = ">"
        case less = "<"
    }

    public var description: String {
        clauses.map { "\($0.column) \($0.op.rawValue) \($0.value)" }.joined(separator: " and ")
    }

    public static func parse(_ text: String) -> Result<Condition, FormulaError> {
        var clauses: [Clause] = []
        for part in clauseTexts(text) {
            let words = part.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(
                String.init)
            guard words.count == 3, let op = Operator(rawValue: words[1]) else {
                return .failure(
                    FormulaError(
                        "cannot read condition \"\(part.trimmingSpaces)\"; write COLUMN OP VALUE with OP one of "
                            + Operator.allCases.map(\.rawValue).joined(separator: ", ")))
            }
            var value = words[2].trimmingSpaces
            if value.count >= 2, let first = value.first, first == "'" || first == "\"", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            clauses.append(Clause(column: words[0], op: op, value: value))
        }
        return .success(Condition(clauses: clauses))
    }

    /// `text` split at each ` and ` that is not inside quotes, so `setting == 'home and community'`
    /// stays one clause.
    private static func clauseTexts(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        var rest = Substring(text)
        while let character = rest.first {
            if quote == nil, rest.hasPrefix(" and ") {
                parts.append(current)
                current = ""
                rest = rest.dropFirst(5)
                continue
            }
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            }
            current.append(character)
            rest = rest.dropFirst()
        }
        parts.append(current)
        return parts
    }
}
