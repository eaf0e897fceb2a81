extension RankCorrelation {
    /// Spearman's ρ: Pearson's r of the average ranks, with the two-sided p-value from
    /// t = ρ·√((n − 2)/((1 + ρ)(1 − ρ))) on n − 2 degrees of freedom, as scipy.stats.spearmanr.
    /// Expects ≥ 3 finite pairs.
    static func spearman(_ x: [Double], _ y: [Double]) -> Computed<RankCorrelation> {
        if isConstant(x) { return .notComputable(reason: "all x values tied") }
        if isConstant(y) { return .notComputable(reason: "all y values tied") }
        let xRanks = averageRanks(x)
        let yRanks = averageRanks(y)
        // Ranks are half-integers with mean (n + 1)/2, so these sums are exact up to n ≈ 3·10⁵,
        // and the order of summation cannot matter.
        let meanRank = Double(x.count + 1) / 2
        var sxx = 0.0
        var syy = 0.0
        var sxy = 0.0
        for index in x.indices {
            let dx = xRanks[index] - meanRank
            let dy = yRanks[index] - meanRank
            sxx += dx * dx
            syy += dy * dy
            sxy += dx * dy
        }
        // numpy.corrcoef's order: covariance over n − 1, divided by each standard deviation in turn.
        let degrees = Double(x.count - 1)
        let rho = min(
            1, max(-1, (sxy / degrees) / (sxx / degrees).squareRoot() / (syy / degrees).squareRoot()))
        let freedom = Double(x.count - 2)
        let t = rho * max(0, freedom / ((rho + 1) * (1 - rho))).squareRoot()
        return .value(RankCorrelation(coefficient: rho, p: studentTTwoSidedP(t, degreesOfFreedom: freedom)))
    }
}
