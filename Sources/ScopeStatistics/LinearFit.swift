/// An ordinary least-squares line y = intercept + slope·x, with what a chart needs to draw the 95 %
/// confidence band of the mean response.
public struct LinearFit: Sendable, Equatable {
    public let n: Int
    public let slope: Double
    public let intercept: Double
    /// s = √(Σ residual² / (n − 2)).
    public let residualStandardError: Double
    /// t₀.₉₇₅ with n − 2 degrees of freedom.
    public let criticalT: Double
    let meanX: Double
    /// Σ (x − x̄)².
    let sumOfSquaresX: Double

    /// Fits complete pairs `(x[i], y[i])` (the caller drops incomplete rows). Needs ≥ 3 finite pairs
    /// and x not constant. Slope and intercept agree with scipy.stats.linregress.
    public static func fit(_ x: [Double], _ y: [Double]) -> Computed<LinearFit> {
        if let reason = reasonPairsAreUnusable(x, y) { return .notComputable(reason: reason) }
        if isConstant(x) { return .notComputable(reason: "x is constant") }
        let meanX = mean(x)
        let meanY = mean(y)
        var squaresX = [Double](repeating: 0, count: x.count)
        var products = [Double](repeating: 0, count: x.count)
        for index in x.indices {
            let dx = x[index] - meanX
            squaresX[index] = dx * dx
            products[index] = dx * (y[index] - meanY)
        }
        let sumOfSquaresX = pairwiseSum(squaresX)
        let slope = pairwiseSum(products) / sumOfSquaresX
        let intercept = meanY - slope * meanX
        // Residuals directly rather than Syy − slope·Sxy, which cancels to noise for a near-exact fit.
        let squaredResiduals = x.indices.map { index in
            let residual = y[index] - (intercept + slope * x[index])
            return residual * residual
        }
        let residualStandardError = (pairwiseSum(squaredResiduals) / Double(x.count - 2)).squareRoot()
        guard slope.isFinite, intercept.isFinite, residualStandardError.isFinite, sumOfSquaresX.isFinite,
            sumOfSquaresX > 0
        else {
            return .notComputable(reason: "values too large to fit in double precision")
        }
        return .value(
            LinearFit(
                n: x.count, slope: slope, intercept: intercept, residualStandardError: residualStandardError,
                criticalT: studentTQuantile(0.975, degreesOfFreedom: Double(x.count - 2)), meanX: meanX,
                sumOfSquaresX: sumOfSquaresX))
    }

    /// The fitted mean response at `x`.
    public func fitted(at x: Double) -> Double {
        intercept + slope * x
    }

    /// The 95 % confidence band of the mean response at `x`:
    /// ŷ ± t₀.₉₇₅,ₙ₋₂ · s · √(1/n + (x − x̄)²/Sxx).
    public func confidenceBand(at x: Double) -> Computed<ConfidenceInterval> {
        guard x.isFinite else { return .notComputable(reason: "x is not finite (\(x))") }
        let centre = fitted(at: x)
        let distance = x - meanX
        let halfWidth =
            criticalT * residualStandardError
            * (1 / Double(n) + distance * distance / sumOfSquaresX).squareRoot()
        guard centre.isFinite, halfWidth.isFinite else {
            return .notComputable(reason: "x is too far from the data (\(x))")
        }
        return .value(ConfidenceInterval(lower: centre - halfWidth, upper: centre + halfWidth))
    }
}
