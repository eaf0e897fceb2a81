/// Arithmetic over a study's numeric columns for derived columns: `n_patients / n_labels`.
/// Supports + − × ÷, parentheses, numbers and column names; nothing else, so a config cannot run code.
public indirect enum Formula: Sendable, Equatable, CustomStringConvertible {
    case number(Double)
    case column(String)
    /// `count(modalities)`: how many values a multi-category cell holds (0 when blank).
    case valueCount(String)
    case binary(Formula, Operator, Formula)

    public enum Operator: Character, Sendable, Equatable {
        case add = "+"
        case subtract = "-"
        case multiply = "*"
        case divide = "/"
    }

    /// The columns the formula reads, in order of appearance.
    public var columns: [String] {
        switch self {
        case .number: []
        case .column(let name), .valueCount(let name): [name]
        case .binary(let lhs, _, let rhs): lhs.columns + rhs.columns
        }
    }

    /// The columns read through `count(…)`, which may be categorical.
    public var countedColumns: [String] {
        switch self {
        case .number, .column: []
        case .valueCount(let name): [name]
        case .binary(let lhs, _, let rhs): lhs.countedColumns + rhs.countedColumns
        }
    }

    public var description: String {
        switch self {
        case .number(let value): "\(value)"
        case .column(let name): name
        case .valueCount(let name): "count(\(name))"
        case .binary(let lhs, let op, let rhs): "(\(lhs) \(op.rawValue) \(rhs))"
        }
    }

    public enum Evaluation: Equatable {
        case value(Double)
        /// An input is blank: the derived value is blank too.
        case missing
        /// e.g. division by zero, named for the error message.
        case undefined(String)
    }

    /// - Parameters:
    ///   - lookup: a numeric cell of the row (nil when blank).
    ///   - count: the number of values of a category cell of the row.
    public func evaluate(_ lookup: (String) -> Double?, count: (String) -> Int = { _ in 0 }) -> Evaluation {
        switch self {
        case .number(let value): return .value(value)
        case .column(let name): return lookup(name).map(Evaluation.value) ?? .missing
        case .valueCount(let name): return .value(Double(count(name)))
        case .binary(let lhs, let op, let rhs):
            let left = lhs.evaluate(lookup, count: count)
            let right = rhs.evaluate(lookup, count: count)
            guard case .value(let a) = left else { return left }
            guard case .value(let b) = right else { return right }
            switch op {
            case .add: return .value(a + b)
            case .subtract: return .value(a - b)
            case .multiply: return .value(a * b)
            case .divide: return b == 0 ? .undefined("division by zero (\(rhs) is 0)") : .value(a / b)
            }
        }
    }

    /// Parses `text`; the error is a sentence for the config diagnostic.
    public static func parse(_ text: String) -> Result<Formula, FormulaError> {
        var parser = FormulaParser(Array(text))
        do {
            let formula = try parser.expression()
            parser.skipSpaces()
            guard parser.atEnd else {
                throw FormulaError(
                    "unexpected '\(parser.peek!)' in formula \"\(text)\"; \(FormulaError.grammar)")
            }
            return .success(formula)
        } catch let error as FormulaError {
            return .failure(error)
        } catch {
            return .failure(FormulaError("\(error)"))
        }
    }
}

extension Formula {
    /// Parentheses and minus signs nest at most this deep: reading and evaluating a formula recurse once
    /// per level, and 50,000 nested parentheses overflowed the stack.
    public static let maxNesting = 100
    /// A formula holds at most this many numbers and columns: a derived column is arithmetic over a
    /// study's few counts, and evaluating one recurses once per term.
    public static let maxValues = 1_000
}

public struct FormulaError: Error, Sendable, Equatable {
    public var message: String
    init(_ message: String) { self.message = message }

    /// What a formula may hold, for messages about one that cannot be read.
    static let grammar = "a formula holds numbers, column names, + - * /, parentheses and count(COLUMN)"
}

/// Recursive descent: expression := term (('+'|'-') term)*; term := factor (('*'|'/') factor)*;
/// factor := number | name | '(' expression ')' | '-' factor.
private struct FormulaParser {
    let characters: [Character]
    var index = 0
    var nesting = 0
    var values = 0

    init(_ characters: [Character]) { self.characters = characters }

    var atEnd: Bool { index >= characters.count }
    var peek: Character? { atEnd ? nil : characters[index] }

    mutating func skipSpaces() { while let c = peek, c == " " { index += 1 } }

    mutating func expression() throws -> Formula {
        var result = try term()
        while true {
            skipSpaces()
            guard let c = peek, c == "+" || c == "-" else { return result }
            index += 1
            result = .binary(result, c == "+" ? .add : .subtract, try term())
        }
    }

    mutating func term() throws -> Formula {
        var result = try factor()
        while true {
            skipSpaces()
            guard let c = peek, c == "*" || c == "/" else { return result }
            index += 1
            result = .binary(result, c == "*" ? .multiply : .divide, try factor())
        }
    }

    mutating func factor() throws -> Formula {
        skipSpaces()
        guard let c = peek else { throw FormulaError("the formula ends where a value was expected") }
        if c == "(" || c == "-" {
            nesting += 1
            guard nesting <= Formula.maxNesting else {
                throw FormulaError(
                    "parentheses and minus signs nest deeper than \(Formula.maxNesting) levels")
            }
        }
        defer { if c == "(" || c == "-" { nesting -= 1 } }
        if c == "(" {
            index += 1
            let inner = try expression()
            skipSpaces()
            guard peek == ")" else { throw FormulaError("a '(' in the formula is never closed") }
            index += 1
            return inner
        }
        if c == "-" {
            index += 1
            return .binary(.number(0), .subtract, try factor())
        }
        if c.isNumber || c == "." || c.isLetter || c == "_" {
            values += 1
            guard values <= Formula.maxValues else {
                throw FormulaError("the formula holds more than \(Formula.maxValues) numbers and columns")
            }
        }
        if c.isNumber || c == "." {
            var text = ""
            while let d = peek, d.isNumber || d == "." || d == "e" {
                text.append(d)
                index += 1
            }
            guard let value = Double(text) else { throw FormulaError("'\(text)' is not a number") }
            return .number(value)
        }
        if c.isLetter || c == "_" {
            var name = ""
            while let d = peek, d.isLetter || d.isNumber || d == "_" {
                name.append(d)
                index += 1
            }
            skipSpaces()
            if name == "count", peek == "(" {
                index += 1
                skipSpaces()
                var argument = ""
                while let d = peek, d.isLetter || d.isNumber || d == "_" {
                    argument.append(d)
                    index += 1
                }
                skipSpaces()
                guard !argument.isEmpty, peek == ")" else { throw FormulaError("write count(COLUMN)") }
                index += 1
                return .valueCount(argument)
            }
            return .column(name)
        }
        throw FormulaError("unexpected '\(c)' in the formula; \(FormulaError.grammar)")
    }
}
