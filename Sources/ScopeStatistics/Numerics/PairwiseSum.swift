/// Sums in the same order as numpy's `add.reduce` on a contiguous float64 array (pairwise summation
/// with eight accumulators per block of at most 128 values; numpy/_core/src/umath/loops_utils.h.src,
/// `pairwise_sum`). Its error grows like O(log n)·ε rather than O(n)·ε, and following numpy's order
/// keeps means bit-identical to numpy's in the common case, which matters where a later step is
/// ill-conditioned (the Pearson p-value for n = 3 near |r| = 1 moves by 1e-8 per ulp of r).
func pairwiseSum(_ values: UnsafeBufferPointer<Double>) -> Double {
    let count = values.count
    if count < 8 {
        var sum = 0.0
        for value in values { sum += value }
        return sum
    }
    if count <= 128 {
        var accumulators = (
            values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7]
        )
        var index = 8
        while index < count - count % 8 {
            accumulators.0 += values[index]
            accumulators.1 += values[index + 1]
            accumulators.2 += values[index + 2]
            accumulators.3 += values[index + 3]
            accumulators.4 += values[index + 4]
            accumulators.5 += values[index + 5]
            accumulators.6 += values[index + 6]
            accumulators.7 += values[index + 7]
            index += 8
        }
        var sum =
            ((accumulators.0 + accumulators.1) + (accumulators.2 + accumulators.3))
            + ((accumulators.4 + accumulators.5) + (accumulators.6 + accumulators.7))
        while index < count {
            sum += values[index]
            index += 1
        }
        return sum
    }
    // Split in two halves whose first part is a multiple of the unroll factor, as numpy does.
    var half = count / 2
    half -= half % 8
    return pairwiseSum(UnsafeBufferPointer(rebasing: values[..<half]))
        + pairwiseSum(UnsafeBufferPointer(rebasing: values[half...]))
}

/// Pairwise sum of an array; see `pairwiseSum(_:)` on a buffer.
func pairwiseSum(_ values: [Double]) -> Double {
    values.withUnsafeBufferPointer { pairwiseSum($0) }
}

/// The arithmetic mean with numpy's summation order (`numpy.mean` divides the pairwise sum by n).
func mean(_ values: [Double]) -> Double {
    pairwiseSum(values) / Double(values.count)
}
