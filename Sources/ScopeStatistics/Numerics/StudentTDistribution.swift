import Foundation

/// P(|T| ≥ |t|) for Student's T with ν > 0 degrees of freedom.
///
/// Uses P(|T| ≥ t) = I_{ν/(ν+t²)}(ν/2, ½) (Abramowitz & Stegun 26.7.1 with 26.5.27), passing both
/// ν/(ν+t²) and t²/(ν+t²) so neither tail loses digits to `1 - x`.
func studentTTwoSidedP(_ t: Double, degreesOfFreedom nu: Double) -> Double {
    let magnitude = abs(t)
    if magnitude == .infinity { return 0 }
    let a = nu / 2
    if magnitude > 1e50 * nu.squareRoot() {
        // x = ν/(ν + t²) < 1e-100 underflows or goes subnormal for t beyond ~1e154, so use the
        // leading term I_x(a, b) = x^a / (a·B(a, b)) · (1 + O(x)) with ln x taken from t directly.
        let logX = log(nu) - 2 * log(magnitude)
        return exp(a * logX - log(a) - logBeta(a, 0.5))
    }
    let square = magnitude * magnitude
    return incompleteBeta(a: a, b: 0.5, x: nu / (nu + square), complement: square / (nu + square)).lower
}

/// P(T ≤ t), with the lower tail computed directly for t < 0 (as scipy.special.stdtr).
func studentTCDF(_ t: Double, degreesOfFreedom nu: Double) -> Double {
    let tail = 0.5 * studentTTwoSidedP(t, degreesOfFreedom: nu)
    return t < 0 ? tail : 1 - tail
}

/// The p-quantile of Student's T, for 0 < p < 1 and ν > 0.
///
/// Solves P(T ≤ −e^s) = min(p, 1 − p) for s = ln|t| by Newton's method on ln P, kept inside a
/// bracket that falls back to bisection (or to stepping outward until the root is bracketed). In
/// these coordinates the tail is almost linear (ln P ≈ c − ν s), so Newton converges in a few steps
/// everywhere, and the answer is as accurate as the CDF it inverts (about 1e-15 relative).
func studentTQuantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
    if p == 0.5 { return 0 }
    let tail = min(p, 1 - p)
    let logTail = log(tail)
    let logDensityConstant = logGamma((nu + 1) / 2) - logGamma(nu / 2) - 0.5 * log(nu * Double.pi)

    func logLowerTail(_ s: Double) -> Double {
        log(0.5 * studentTTwoSidedP(exp(s), degreesOfFreedom: nu))
    }
    func logDensity(_ s: Double) -> Double {
        let ratio = exp(2 * s) / nu
        let logOnePlusRatio = ratio.isFinite ? log1p(ratio) : 2 * s - log(nu)
        return logDensityConstant - (nu + 1) / 2 * logOnePlusRatio
    }

    // Start from the smaller of two guesses: the power-law tail P ≈ K e^(−νs)/ν, which lies at or
    // beyond the root, and the normal tail's √(−2 ln p) for large ν, where the power law is poor.
    let tailGuess = (logDensityConstant + (nu + 1) / 2 * log(nu) - log(nu) - logTail) / nu
    let normalGuess = log((-2 * logTail).squareRoot())
    var s = min(tailGuess, normalGuess)
    var below = -Double.infinity  // largest s known to give P above the target
    var above = Double.infinity  // smallest s known to give P below the target
    for _ in 0..<200 {
        let logP = logLowerTail(s)
        let excess = logP - logTail
        if excess == 0 { break }
        if excess > 0 { below = s } else { above = s }
        // d ln P / ds = −f(t)·|t| / P.
        let slope = -exp(logDensity(s) + s - logP)
        var next = s - excess / slope
        if !(next > below && next < above) {
            if below.isFinite && above.isFinite {
                next = 0.5 * (below + above)
            } else if below.isFinite {
                next = below + 1
            } else {
                next = above - 1
            }
        }
        let step = abs(next - s)
        s = next
        if step <= 4 * Double.ulpOfOne * max(1, abs(s)) { break }
    }
    let magnitude = exp(s)
    return p < 0.5 ? -magnitude : magnitude
}
