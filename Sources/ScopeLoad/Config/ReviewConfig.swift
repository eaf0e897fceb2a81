/// Everything a review's YAML config says: who wrote what, where the sheet is, what each column means,
/// and what to synthesize. Review-specific knowledge lives here (in data), never in the code.
public struct ReviewConfig: Sendable {
    public var metadata: ReportMetadata
    public var sheet: SheetSource
    public var columns: [ColumnSpec]
    public var derived: [DerivedColumn]
    public var subsets: [SubsetSpec]
    public var synthesis: SynthesisSpec
    public var presentation: Presentation
    public var excluded: ExcludedSource?
    /// The PRISMA flow counts, when the config has a `prisma:` section.
    public var prisma: PrismaFlow?
    /// What the manuscript states, checked on every build.
    public var claims: [Claim] = []

    public func column(named name: String) -> ColumnSpec? { columns.first { $0.name == name } }
}

public struct ReportMetadata: Sendable, Equatable {
    public var title: String
    public var authors: [String] = []
    public var question: String?
    public var eligibility: [String] = []
    public var searchDate: String?
    public var databases: [String] = []
    /// Free text shown near the top of the report, e.g. where the data came from.
    public var dataNotice: String?
    /// Any further `metadata:` entries, free for the templates (`{{metadata.journal}}`).
    public var extra: [String: String] = [:]
}

public struct SheetSource: Sendable, Equatable {
    /// Relative to the data folder.
    public var file: String
    /// For XLSX: the worksheet's name (default: the first sheet).
    public var sheetName: String?
    public var delimiter: CSVReader.Delimiter = .automatic
    /// `,` for sheets exported by a German Excel (`0,93`); `.` otherwise.
    public var decimalMark: Character = "."
    /// The column holding each study's unique id.
    public var idColumn: String
    /// CSV: the file's encoding; a legacy one is decoded with a warning.
    public var encoding: TextEncoding = .utf8
    /// The limits the config raises or lowers (`limits:`).
    public var limits = LimitSettings()
    /// The sheet row that names the columns (1 unless a title is above it), as the spreadsheet
    /// program numbers rows.
    public var headerRow = 1
    /// The first row that is a study: rows between the header and it (a row saying what each column
    /// means) are not read. Nil: the row after the header.
    public var firstDataRow: Int?
    /// Columns of the sheet the codebook does not declare that the review does not use: names, or
    /// patterns where `*` stands for any text (`"Reviewer *"`; `"*"` ignores every undeclared column).
    public var ignoredColumns: [String] = []
}

extension SheetSource {
    /// Whether `ignore_columns` names the column, or has a pattern it matches.
    func ignores(_ column: String) -> Bool {
        ignoredColumns.contains { Self.matches(Array(column)[...], pattern: Array($0)[...]) }
    }

    /// `*` stands for any text, possibly empty; everything else for itself.
    private static func matches(_ text: ArraySlice<Character>, pattern: ArraySlice<Character>) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        guard first == "*" else {
            return text.first == first && matches(text.dropFirst(), pattern: pattern.dropFirst())
        }
        return (text.startIndex...text.endIndex).contains {
            matches(text[$0...], pattern: pattern.dropFirst())
        }
    }
}

/// A column computed from others, e.g. `samples_per_label = n_patients / n_labels`.
public struct DerivedColumn: Sendable, Equatable {
    public var name: String
    public var label: String
    public var formula: Formula
    /// The formula as the author wrote it, for messages.
    public var formulaText: String
    public var line: Int
}

/// A named selection of studies, e.g. the diagnosis-oriented ones (`task contains diagnosis`).
public struct SubsetSpec: Sendable, Equatable {
    public var name: String
    public var label: String
    public var condition: Condition
    public var line: Int
}

/// How numbers are shown, stated once for the page and every table file.
public struct Presentation: Sendable, Equatable {
    public var percentDecimals = 1
    public var decimals = 2
    /// p-values below this show as "< 0.001".
    public var pValueFloor = 0.001
    public var pValueDecimals = 3
    /// Significance level for statements about p-values.
    public var alpha = 0.05
    /// A table with more rows is not inlined in the page (nor in report.md): its caption, a pointer to
    /// its CSV, Markdown and LaTeX files and its notes stand in. A page holding the 100,000 rows of a
    /// living map's characteristics table is unreadable, and tens of megabytes.
    public var maxTableRows = 200

    public init() {}
}

/// The candidates screened out, with their reasons: kept for the report's provenance.
public struct ExcludedSource: Sendable, Equatable {
    public var file: String
    public var idColumn: String
    public var reasonColumn: String
    public var encoding: TextEncoding = .utf8
}
