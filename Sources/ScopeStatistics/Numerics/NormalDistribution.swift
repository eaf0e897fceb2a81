import Foundation

/// Φ(z), the standard normal CDF, as Cephes `ndtr` (which scipy.special.ndtr follows): erf near the
/// centre, erfc in the tails, so Φ(−38) ≈ 2.9e-316 keeps its relative accuracy.
func normalCDF(_ z: Double) -> Double {
    let squareRootOfHalf = 0.70710678118654752440
    let x = z * squareRootOfHalf
    let magnitude = abs(x)
    if magnitude < squareRootOfHalf {
        return 0.5 + 0.5 * erf(x)
    }
    let tail = 0.5 * erfc(magnitude)
    return x > 0 ? 1 - tail : tail
}

/// The two-sided p-value of a standard normal statistic, 2·Φ(−|z|), as scipy's `_get_pvalue`.
func normalTwoSidedP(_ z: Double) -> Double {
    2 * normalCDF(-abs(z))
}
