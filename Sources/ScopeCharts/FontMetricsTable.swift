// Advance widths of one font face, as generated into DejaVuSansMetrics.swift.

/// Advance widths in font units for the code points chart labels use; see scripts/generate-font-metrics.py.
struct FontMetricsTable: Sendable {
    let unitsPerEm: Int
    /// First code point of `denseAdvances`, which covers a contiguous block (Latin-1).
    let denseFirst: Int
    let denseAdvances: [Int]
    /// Further code points in ascending order, with their advances at the same index.
    let extraCodePoints: [Int]
    let extraAdvances: [Int]

    /// The advance of a code point in em, or nil when the table does not know it.
    func advance(of scalar: Unicode.Scalar) -> Double? {
        let code = Int(scalar.value)
        let denseIndex = code - denseFirst
        if denseIndex >= 0, denseIndex < denseAdvances.count, denseAdvances[denseIndex] > 0 {
            return Double(denseAdvances[denseIndex]) / Double(unitsPerEm)
        }
        guard let index = binarySearch(code) else { return nil }
        return Double(extraAdvances[index]) / Double(unitsPerEm)
    }

    private func binarySearch(_ code: Int) -> Int? {
        var low = 0
        var high = extraCodePoints.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if extraCodePoints[middle] == code { return middle }
            if extraCodePoints[middle] < code { low = middle + 1 } else { high = middle - 1 }
        }
        return nil
    }
}
