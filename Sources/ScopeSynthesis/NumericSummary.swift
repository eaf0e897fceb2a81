import ScopeLoad
import ScopeStatistics

/// Descriptive statistics of one numeric column, over all studies or a subset.
public struct NumericSummary: Sendable, Equatable {
    public var column: String
    public var label: String
    public var type: ColumnType
    public var subset: String?
    public var statistics: DescriptiveStatistics

    static func make(_ spec: DescriptiveSpec, review: Review) -> NumericSummary {
        let column = review.column(named: spec.column)!
        let cells = review.values[spec.column]?.numbers ?? []
        let values = review.rows(in: spec.subset).map { cells[$0] }
        return NumericSummary(
            column: spec.column, label: column.label, type: column.type, subset: spec.subset,
            statistics: DescriptiveStatistics.describe(values))
    }

    /// `descriptives.n_patients` or, for a subset, `descriptives.samples_per_label.diagnosis`.
    public var key: String {
        "descriptives.\(column)" + (subset.map { ".\($0)" } ?? "")
    }
}

/// One x against several y over the pairwise-complete rows of a subset, with p-values adjusted
/// across the family (Holm and Benjamini–Hochberg), as the review's headline analysis needs.
public struct CorrelationFamily: Sendable, Equatable {
    public var id: String
    public var title: String
    public var x: String
    public var xLabel: String
    public var subset: String?
    public var members: [Member]

    public struct Member: Sendable, Equatable {
        public var y: String
        public var yLabel: String
        /// The complete pairs, in sheet order, for the figure.
        public var points: [Point]
        /// Rows of the subset with x or y blank.
        public var skipped: Int
        public var analysis: CorrelationAnalysis
        /// Adjusted p-values of each coefficient (nil where the coefficient is not computable).
        public var pearsonHolm: Double?
        public var pearsonBH: Double?
        public var spearmanHolm: Double?
        public var spearmanBH: Double?
        public var kendallHolm: Double?
        public var kendallBH: Double?
        public var fit: Computed<LinearFit>
    }

    public struct Point: Sendable, Equatable {
        public var x: Double
        public var y: Double
        public var study: String
    }
}
