import ScopeDiagnostics

/// A loaded, validated review: the config plus every study's typed values, stored by column so that
/// synthesis over 100,000 studies walks flat arrays.
public struct Review: Sendable {
    public var config: ReviewConfig
    /// Study ids in sheet order; row `i` of every column belongs to `studyIDs[i]`.
    public var studyIDs: [String]
    /// Sheet columns in codebook order, then derived columns.
    public var columns: [ColumnSpec]
    public var values: [String: ColumnValues]
    /// Row membership of each named subset.
    public var subsets: [String: [Bool]]
    public var excluded: [ExcludedStudy]
    /// Every file read, by path and size (the CLI hashes the inputs itself; holding a 100,000-row
    /// sheet's bytes here for the whole build cost 100 MB).
    public var inputs: [InputFile]
    /// The config exactly as written, comments and all (for `scopereport generate`).
    public var configText: String
    /// Problems that do not stop the build.
    public var warnings: [Diagnostic]

    public var studyCount: Int { studyIDs.count }

    public func column(named name: String) -> ColumnSpec? { columns.first { $0.name == name } }

    /// The rows of `subset`, or every row when `subset` is nil.
    public func rows(in subset: String?) -> [Int] {
        guard let subset, let mask = subsets[subset] else { return Array(studyIDs.indices) }
        return mask.indices.filter { mask[$0] }
    }
}

/// One column's typed cells. Category columns hold the list of values of each cell (one for a plain
/// category, any number for a multi-category, none when blank).
public enum ColumnValues: Sendable, Equatable {
    case numbers([Double?])
    case categories([[String]])
    case texts([String?])

    public var numbers: [Double?]? {
        if case .numbers(let values) = self { return values }
        return nil
    }

    public var categories: [[String]]? {
        if case .categories(let values) = self { return values }
        return nil
    }

    /// The cell as text, as a table shows it (multi-category values joined with "; ").
    public func text(at row: Int) -> String? {
        switch self {
        case .numbers(let values): values[row].map(NumberText.shortest)
        case .categories(let values): values[row].isEmpty ? nil : values[row].joined(separator: "; ")
        case .texts(let values): values[row]
        }
    }
}

public struct ExcludedStudy: Sendable, Equatable {
    public var id: String
    public var reason: String
    /// Every column of the excluded sheet, in its order.
    public var fields: [(name: String, value: String)]

    public static func == (lhs: ExcludedStudy, rhs: ExcludedStudy) -> Bool {
        lhs.id == rhs.id && lhs.reason == rhs.reason && lhs.fields.elementsEqual(rhs.fields, by: ==)
    }
}

public struct InputFile: Sendable, Equatable {
    /// Relative to the data folder, with `/` separators.
    public var path: String
    public var size: Int
}

/// Locale-independent number text for data values.
public enum NumberText {
    /// The shortest text that reads back as the same Double, without a trailing ".0": 430, 0.93, 1e-07.
    public static func shortest(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
