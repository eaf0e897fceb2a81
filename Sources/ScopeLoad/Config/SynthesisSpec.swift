/// What the review asks the synthesis and render stages to produce, in the config's order.
public struct SynthesisSpec: Sendable, Equatable {
    public var frequencies: [FrequencySpec] = []
    public var crosstabs: [CrosstabSpec] = []
    public var descriptives: [DescriptiveSpec] = []
    public var correlations: [CorrelationSpec] = []
    public var figures: [FigureSpec] = []
    public var studyTable: StudyTableSpec?

    public init() {}
}

/// Counts and percentages of studies per category of one column.
public struct FrequencySpec: Sendable, Equatable {
    public var id: String
    public var column: String
    public var subset: String?
    public var title: String?
    /// Order of rows: by count (descending) or in codebook/numeric order.
    public var order: Order = .count
    /// For years: show every year from the first to the last, with zeros.
    public var continuous = false

    public enum Order: String, Sendable, Equatable, CaseIterable {
        case count
        case codebook
    }
}

/// A cross-tabulation of two categorical columns (e.g. modality × task).
public struct CrosstabSpec: Sendable, Equatable {
    public var id: String
    public var rows: String
    public var columns: String
    public var subset: String?
    public var title: String?
}

/// Descriptive statistics of one numeric column.
public struct DescriptiveSpec: Sendable, Equatable {
    public var column: String
    public var subset: String?
}

/// A family of correlations of one x against several y columns, adjusted together.
public struct CorrelationSpec: Sendable, Equatable {
    public var id: String
    public var title: String?
    public var x: String
    public var ys: [String]
    public var subset: String?
}

/// A figure: which kind of chart, drawn from which result.
public struct FigureSpec: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// Vertical bars of a frequency table (e.g. studies per year).
        case bars
        /// Horizontal bars of a frequency table, sorted by count.
        case hbars
        /// Stacked bars of a cross-tabulation.
        case stacked
        /// A heat-map table of a cross-tabulation.
        case heatmap
        /// Scatter small multiples of a correlation family, one panel per y.
        case scatter
        /// Box plot with the points as a strip, of one numeric column.
        case box
    }

    public var id: String
    public var kind: Kind
    /// The id of a frequency table, cross-tabulation or correlation; for `box`, a numeric column.
    public var source: String
    public var caption: String
    /// For `box`: a log10 axis.
    public var logScale = false
    /// For `hbars`: keep this many categories and an "Other" bar.
    public var top: Int?
    public var line: Int
}

/// The characteristics-of-included-studies table.
public struct StudyTableSpec: Sendable, Equatable {
    public var columns: [String]
    /// A DOI column: the first column's text links to it.
    public var link: String?
    public var title: String?
}
