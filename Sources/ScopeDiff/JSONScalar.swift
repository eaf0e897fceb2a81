/// One value of `results.json` or `studies.json`: a number, a text, or `null` (a statistic that is
/// not computable, a blank cell).
public enum JSONScalar: Sendable, Equatable, Codable {
    case number(Double)
    case text(String)
    case null

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let number): try container.encode(number)
        case .text(let text): try container.encode(text)
        case .null: try container.encodeNil()
        }
    }

    public var number: Double? {
        if case .number(let number) = self { return number }
        return nil
    }

    /// The value as a person reads it in the diff: numbers unrounded (a diff must not hide a change in
    /// the sixth decimal), whole numbers without ".0", and `null` as "(none)".
    public var display: String {
        switch self {
        case .number(let number): Self.display(number)
        case .text(let text): text
        case .null: "(none)"
        }
    }

    static func display(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return "\(number)"
    }
}
