/// Pearson, Spearman and Kendall correlation of one pair of variables.
public struct CorrelationAnalysis: Sendable, Equatable {
    /// The number of (x, y) pairs analysed.
    public let n: Int
    public let pearson: Computed<Pearson>
    public let spearman: Computed<RankCorrelation>
    public let kendall: Computed<RankCorrelation>

    /// Correlates complete pairs `(x[i], y[i])`; the caller drops incomplete rows first.
    ///
    /// Agrees with scipy.stats.pearsonr, spearmanr and kendalltau(method: "asymptotic"). Every
    /// statistic needs at least 3 pairs and finite values; each says why when it cannot be computed.
    public static func correlate(_ x: [Double], _ y: [Double]) -> CorrelationAnalysis {
        if let reason = reasonPairsAreUnusable(x, y) {
            return CorrelationAnalysis(
                n: min(x.count, y.count), pearson: .notComputable(reason: reason),
                spearman: .notComputable(reason: reason), kendall: .notComputable(reason: reason))
        }
        return CorrelationAnalysis(
            n: x.count, pearson: Pearson.compute(x, y), spearman: RankCorrelation.spearman(x, y),
            kendall: RankCorrelation.kendall(x, y))
    }
}

/// The correlation coefficient with its two-sided p-value (Spearman's ρ or Kendall's τ-b).
public struct RankCorrelation: Sendable, Equatable {
    public let coefficient: Double
    public let p: Double

    public init(coefficient: Double, p: Double) {
        self.coefficient = coefficient
        self.p = p
    }
}

/// A two-sided confidence interval.
public struct ConfidenceInterval: Sendable, Equatable {
    public let lower: Double
    public let upper: Double

    public init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }
}

/// Why a set of pairs cannot be correlated at all, or nil when they can.
func reasonPairsAreUnusable(_ x: [Double], _ y: [Double]) -> String? {
    if x.count != y.count {
        return "x and y differ in length (\(x.count) and \(y.count))"
    }
    if let reason = reasonNotFinite(x, name: "x") ?? reasonNotFinite(y, name: "y") {
        return reason
    }
    if x.count < 3 {
        return "fewer than 3 complete pairs (n = \(x.count))"
    }
    return nil
}

/// "x contains a non-finite value (inf)" for the first infinity or NaN, or nil.
func reasonNotFinite(_ values: [Double], name: String) -> String? {
    guard let bad = values.first(where: { !$0.isFinite }) else { return nil }
    return "\(name) contains a non-finite value (\(bad))"
}

/// Whether every value equals the first (an empty array counts as constant).
func isConstant(_ values: [Double]) -> Bool {
    guard let first = values.first else { return true }
    return values.allSatisfy { $0 == first }
}
