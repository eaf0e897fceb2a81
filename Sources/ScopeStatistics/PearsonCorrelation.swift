import Foundation

/// Pearson's r with its two-sided p-value and 95 % Fisher-z confidence interval.
public struct Pearson: Sendable, Equatable {
    public let r: Double
    public let p: Double
    /// The 95 % interval from Fisher's z; not computable for n = 3, where its standard error
    /// 1/√(n − 3) is infinite (scipy reports (−1, 1) there).
    public let confidenceInterval: Computed<ConfidenceInterval>

    public init(r: Double, p: Double, confidenceInterval: Computed<ConfidenceInterval>) {
        self.r = r
        self.p = p
        self.confidenceInterval = confidenceInterval
    }

    /// The standard normal 0.975 quantile, as `scipy.special.ndtri(0.975)`.
    static let normalQuantile975 = 1.959963984540054

    /// As scipy.stats.pearsonr: deviations from the means are scaled by their largest magnitude
    /// before the norms are taken (no premature overflow), r is clipped to [−1, 1], and the p-value
    /// comes from r's null distribution, Beta(n/2 − 1, n/2 − 1) on (−1, 1), which is Student's t
    /// with n − 2 degrees of freedom in another form. Expects ≥ 3 finite pairs.
    static func compute(_ x: [Double], _ y: [Double]) -> Computed<Pearson> {
        if isConstant(x) { return .notComputable(reason: "x is constant") }
        if isConstant(y) { return .notComputable(reason: "y is constant") }
        let xUnit = unitDeviations(x)
        let yUnit = unitDeviations(y)
        var products = [Double](repeating: 0, count: x.count)
        for index in products.indices { products[index] = xUnit[index] * yUnit[index] }
        let unclipped = pairwiseSum(products)
        guard unclipped.isFinite else {
            return .notComputable(reason: "values too large to correlate in double precision")
        }
        let r = min(1, max(-1, unclipped))
        let n = x.count
        let shape = Double(n) / 2 - 1
        // scipy: 2 · betaincc(a, a, (|r| + 1)/2); 1 − (|r| + 1)/2 is exact because (|r| + 1)/2 ≥ ½.
        let upper = (abs(r) + 1) / 2
        let tail = incompleteBeta(a: shape, b: shape, x: 1 - upper, complement: upper).lower
        return .value(
            Pearson(r: r, p: min(1, 2 * tail), confidenceInterval: fisherInterval(r: r, n: n)))
    }

    /// tanh(atanh(r) ± 1.96/√(n − 3)), as scipy's `_pearsonr_fisher_ci`; |r| = 1 gives (r, r).
    private static func fisherInterval(r: Double, n: Int) -> Computed<ConfidenceInterval> {
        if n <= 3 {
            return .notComputable(reason: "fewer than 4 complete pairs (n = \(n))")
        }
        let z = atanh(r)
        let halfWidth = normalQuantile975 * (1 / Double(n - 3)).squareRoot()
        return .value(ConfidenceInterval(lower: tanh(z - halfWidth), upper: tanh(z + halfWidth)))
    }

    /// (v − mean) / ‖v − mean‖, with the norm taken of the deviations divided by their largest
    /// magnitude and scaled back, in scipy's order of operations.
    private static func unitDeviations(_ values: [Double]) -> [Double] {
        let centre = mean(values)
        var deviations = values.map { $0 - centre }
        let largest = deviations.reduce(0) { max($0, abs($1)) }
        let squares = deviations.map { ($0 / largest) * ($0 / largest) }
        let norm = largest * pairwiseSum(squares).squareRoot()
        for index in deviations.indices { deviations[index] /= norm }
        return deviations
    }
}
