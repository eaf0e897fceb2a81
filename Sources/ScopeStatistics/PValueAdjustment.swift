/// Multiple-comparison adjustment of p-values, in the order given (as R's p.adjust and statsmodels'
/// multipletests). Both are O(m log m).
public enum PValueAdjustment {
    /// Holm's step-down family-wise error correction (Holm 1979): with the p-values in ascending
    /// order, p̃₍ᵢ₎ = min(1, maxⱼ≤ᵢ (m − j + 1)·p₍ⱼ₎).
    public static func holm(_ pValues: [Double]) -> Computed<[Double]> {
        if let reason = reasonNotProbabilities(pValues) { return .notComputable(reason: reason) }
        let count = pValues.count
        let ascending = pValues.indices.sorted { pValues[$0] < pValues[$1] }
        var adjusted = [Double](repeating: 0, count: count)
        var runningMaximum = 0.0
        for (rank, index) in ascending.enumerated() {
            runningMaximum = max(runningMaximum, Double(count - rank) * pValues[index])
            adjusted[index] = min(1, runningMaximum)
        }
        return .value(adjusted)
    }

    /// Benjamini–Hochberg false discovery rate step-up (Benjamini & Hochberg 1995): with the
    /// p-values in ascending order, p̃₍ᵢ₎ = min(1, minⱼ≥ᵢ (m / j)·p₍ⱼ₎).
    public static func benjaminiHochberg(_ pValues: [Double]) -> Computed<[Double]> {
        if let reason = reasonNotProbabilities(pValues) { return .notComputable(reason: reason) }
        let count = pValues.count
        let descending = pValues.indices.sorted { pValues[$0] > pValues[$1] }
        var adjusted = [Double](repeating: 0, count: count)
        var runningMinimum = 1.0
        for (offset, index) in descending.enumerated() {
            let rank = count - offset
            runningMinimum = min(runningMinimum, Double(count) / Double(rank) * pValues[index])
            adjusted[index] = runningMinimum
        }
        return .value(adjusted)
    }

    /// "p-value 3 is not between 0 and 1 (1.5)" for the first offender (1-based), or nil.
    private static func reasonNotProbabilities(_ pValues: [Double]) -> String? {
        guard let index = pValues.firstIndex(where: { !($0 >= 0 && $0 <= 1) }) else { return nil }
        return "p-value \(index + 1) is not between 0 and 1 (\(pValues[index]))"
    }
}
