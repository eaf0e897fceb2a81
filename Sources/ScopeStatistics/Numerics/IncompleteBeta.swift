import Foundation

/// Both tails of the regularized incomplete beta function: `lower` = I_x(a, b), `upper` = 1 − I_x(a, b).
///
/// One tail is computed directly and the other as its complement, so whichever is small keeps its
/// relative accuracy as long as the caller reads the tail it needs.
struct BetaTails {
    var lower: Double
    var upper: Double
}

/// I_x(a, b) for a, b ≥ ½ and 0 ≤ x ≤ 1, where `complement` is 1 − x computed by the caller as
/// accurately as it can (p-values near 0 need y = 1 − x without the rounding of `1 - x`).
///
/// Algorithm: the continued fraction `bfrac` of Didonato & Morris (1992), "Algorithm 708:
/// Significant digit computation of the incomplete beta function ratios", ACM TOMS 18(3), as in
/// R's src/nmath/toms708.c. It is the Numerical Recipes (§6.4) fraction after an equivalence
/// transformation in λ = a − (a + b)x; computing λ from whichever of x and y is small keeps the
/// fraction well conditioned where the plain form loses 6–7 digits (x near 1 with a ≫ b, as in a
/// Student t CDF with many degrees of freedom). The symmetry I_x(a, b) = 1 − I_{1−x}(b, a) is used
/// to keep λ ≥ 0, i.e. x at or below the mean a/(a + b), where the fraction converges.
func incompleteBeta(a: Double, b: Double, x: Double, complement y: Double) -> BetaTails {
    if x <= 0 { return BetaTails(lower: 0, upper: 1) }
    if y <= 0 { return BetaTails(lower: 1, upper: 0) }
    let lambda = a > b ? (a + b) * y - b : a - (a + b) * x
    if lambda < 0 {
        let upper = betaContinuedFraction(a: b, b: a, x: y, y: x, lambda: -lambda)
        return BetaTails(lower: 1 - upper, upper: upper)
    }
    let lower = betaContinuedFraction(a: a, b: b, x: x, y: y, lambda: lambda)
    return BetaTails(lower: lower, upper: 1 - lower)
}

/// I_x(a, b) by TOMS 708's `bfrac` for λ = a − (a + b)x ≥ 0, evaluated by the forward recurrence
/// with rescaling after every step.
private func betaContinuedFraction(a: Double, b: Double, x: Double, y: Double, lambda: Double) -> Double {
    let c = lambda + 1
    let c0 = b / a
    let c1 = 1 / a + 1
    let yPlusOne = y + 1
    var p = 1.0
    var s = a + 1
    var an = 0.0
    var bn = 1.0
    var anPlusOne = 1.0
    var bnPlusOne = c / c1
    var ratio = c1 / c
    for step in 1...10_000 {
        let n = Double(step)
        let t = n / a
        let w = n * (b - n) * x
        var e = a / s
        let alpha = p * (p + c0) * e * e * (w * x)
        e = (t + 1) / (c1 + t + t)
        let beta = n + w / s + e * (c + n * yPlusOne)
        p = t + 1
        s += 2
        let nextA = alpha * an + beta * anPlusOne
        an = anPlusOne
        anPlusOne = nextA
        let nextB = alpha * bn + beta * bnPlusOne
        bn = bnPlusOne
        bnPlusOne = nextB
        let previous = ratio
        ratio = anPlusOne / bnPlusOne
        if abs(ratio - previous) <= 2 * Double.ulpOfOne * ratio { break }
        an /= bnPlusOne
        bn /= bnPlusOne
        anPlusOne = ratio
        bnPlusOne = 1
    }
    return betaFront(a: a, b: b, x: x, y: y) * ratio
}

/// x^a y^b / B(a, b).
///
/// For a, b ≥ 10 this is TOMS 708's `brcomp`: the powers are rewritten around the mode x₀ = a/(a + b)
/// with rlog1(e) = e − ln(1 + e), so no large logarithms cancel (the direct form loses about
/// (a + b)·ε, 1e-9 relative at a = b = 5·10⁶). Otherwise the direct form, with each logarithm taken
/// of whichever of x and y is below ½, where it is exact, and ln B from R's `lbeta`.
private func betaFront(a: Double, b: Double, x: Double, y: Double) -> Double {
    if min(a, b) >= stirlingThreshold {
        let h: Double
        let x0: Double
        let y0: Double
        let lambda: Double
        if a > b {
            h = b / a
            x0 = 1 / (h + 1)
            y0 = h / (h + 1)
            lambda = (a + b) * y - b
        } else {
            h = a / b
            x0 = h / (h + 1)
            y0 = 1 / (h + 1)
            lambda = a - (a + b) * x
        }
        var e = -lambda / a
        let u = abs(e) > 0.6 ? e - log(x / x0) : rlog1(e)
        e = lambda / b
        let v = abs(e) > 0.6 ? e - log(y / y0) : rlog1(e)
        let z = exp(-(a * u + b * v))
        let correction = stirlingCorrection(a) + stirlingCorrection(b) - stirlingCorrection(a + b)
        return 0.398942280401432677939946059934 * (b * x0).squareRoot() * z * exp(-correction)
    }
    let logX = x <= 0.5 ? log(x) : log1p(-y)
    let logY = y <= 0.5 ? log(y) : log1p(-x)
    return exp(a * logX + b * logY - logBeta(a, b))
}

/// e − ln(1 + e) for |e| ≤ 0.6 without cancellation: with r = e/(2 + e), ln(1 + e) = 2 artanh r,
/// and e − 2r = r·e, so the result is r·e − 2(r³/3 + r⁵/5 + …).
private func rlog1(_ e: Double) -> Double {
    let r = e / (2 + e)
    let rSquared = r * r
    var power = r
    var series = 0.0
    for k in 1...60 {
        power *= rSquared
        let term = power / Double(2 * k + 1)
        series += term
        if abs(term) <= 1e-17 * abs(series) { break }
    }
    return r * e - 2 * series
}
