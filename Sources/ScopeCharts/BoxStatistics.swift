/// Tukey box-plot statistics: quartiles by linear interpolation (R's default, type 7) and whiskers
/// reaching the most extreme values within 1.5 IQR of the box.
struct BoxStatistics: Equatable {
    let lowerQuartile: Double
    let median: Double
    let upperQuartile: Double
    let lowerWhisker: Double
    let upperWhisker: Double

    /// nil for no values.
    init?(_ values: [Double]) {
        let sorted = values.filter(\.isFinite).sorted()
        guard !sorted.isEmpty else { return nil }
        func quantile(_ probability: Double) -> Double {
            let position = probability * Double(sorted.count - 1)
            let below = Int(position.rounded(.down))
            let above = min(below + 1, sorted.count - 1)
            return sorted[below] + (sorted[above] - sorted[below]) * (position - Double(below))
        }
        let lower = quantile(0.25)
        let upper = quantile(0.75)
        let reach = 1.5 * (upper - lower)
        lowerQuartile = lower
        median = quantile(0.5)
        upperQuartile = upper
        lowerWhisker = sorted.first { $0 >= lower - reach } ?? lower
        upperWhisker = sorted.last { $0 <= upper + reach } ?? upper
    }
}
