/// Every number the report shows, under a stable dotted key (`frequencies.modalities.mri.count`), so
/// that templates, charts, `results.json` and the diff all read the same values.
public struct ResultValues: Sendable, Equatable {
    public private(set) var entries: [String: ResultValue] = [:]

    public init() {}

    public subscript(key: String) -> ResultValue? {
        get { entries[key] }
        set { entries[key] = newValue }
    }

    public var sortedKeys: [String] { entries.keys.sorted() }
}

/// A result with the kind that decides how it is printed (the presentation rules live in the render
/// stage; `results.json` keeps the unrounded number).
public enum ResultValue: Sendable, Equatable {
    case count(Int)
    case percent(Double)
    case pValue(Double)
    /// A coefficient or other unitless statistic (r, ρ, τ, AUC …).
    case statistic(Double)
    /// A value in the data's own unit (patients, samples per label …).
    case measure(Double)
    /// A number printed without thousands separators (years: 2021, not 2,021).
    case plain(Double)
    case text(String)
    /// Why a statistic has no value (n < 3, constant input …).
    case notComputable(String)

    public var number: Double? {
        switch self {
        case .count(let value): Double(value)
        case .percent(let value), .pValue(let value), .statistic(let value), .measure(let value),
            .plain(let value):
            value
        case .text, .notComputable: nil
        }
    }
}
