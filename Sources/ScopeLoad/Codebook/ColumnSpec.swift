/// What the codebook says about one column of the extraction sheet.
public struct ColumnSpec: Sendable, Equatable {
    public var name: String
    public var type: ColumnType
    public var required: Bool
    /// The name readers see in tables and figures.
    public var label: String
    /// Cell texts that mean "the study did not report this" (e.g. `not reported`, `NR`): counted as
    /// their own row in frequency tables rather than as missing.
    public var notReported: [String]
    /// Columns that should be filled whenever this one is (e.g. a metric needs the sample size);
    /// a gap is a warning, not an error.
    public var needs: [String] = []
    /// Where the codebook defines the column, for diagnostics about it.
    public var definedAt: Int?
    /// The smallest and largest values an integer, number or year column accepts (`min:`, `max:`):
    /// a count of patients cannot be negative.
    public var minimum: Double?
    public var maximum: Double?

    public init(
        name: String, type: ColumnType, required: Bool = false, label: String? = nil,
        notReported: [String] = []
    ) {
        self.name = name
        self.type = type
        self.required = required
        self.label = label ?? name
        self.notReported = notReported
    }
}

/// The kinds of value a column may hold; each has its own parser and its own checks.
public enum ColumnType: Sendable, Equatable {
    case integer
    case number
    /// A proportion in 0…1 (AUC, accuracy …); a value like 93 gets a hint that it looks like a percentage.
    case fraction
    case year
    /// One value from `values` (an empty list allows any text).
    case category(values: [String])
    /// Several values from `values` in one cell, split at `separator` (e.g. `MRI;CT`).
    case multiCategory(values: [String], separator: String)
    case text
    case doi
    case url

    public var isNumeric: Bool {
        switch self {
        case .integer, .number, .fraction, .year: true
        default: false
        }
    }

    public var isCategorical: Bool {
        switch self {
        case .category, .multiCategory: true
        default: false
        }
    }

    /// The allowed values of a category column, in codebook order (empty = any).
    public var allowedValues: [String] {
        switch self {
        case .category(let values), .multiCategory(let values, _): values
        default: []
        }
    }

    /// The name used in the config file.
    public var keyword: String {
        switch self {
        case .integer: "integer"
        case .number: "number"
        case .fraction: "fraction"
        case .year: "year"
        case .category: "category"
        case .multiCategory: "multi-category"
        case .text: "text"
        case .doi: "doi"
        case .url: "url"
        }
    }

    /// "an integer", "a year": for messages that name the type in a sentence.
    var keywordWithArticle: String { ("aeiou".contains(keyword.first!) ? "an " : "a ") + keyword }

    public static let keywords = [
        "integer", "number", "fraction", "year", "category", "multi-category", "text", "doi", "url",
    ]
}
