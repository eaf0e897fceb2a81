/// Summary of one numeric column, missing values (nil) counted but left out.
///
/// Agrees with numpy: mean and sum by pairwise summation, SD with n − 1, quartiles and median by
/// linear interpolation between order statistics (R's type 7, numpy.percentile's default).
public struct DescriptiveStatistics: Sendable, Equatable {
    /// Non-missing values.
    public let n: Int
    /// Missing values (nil).
    public let missing: Int
    public let mean: Computed<Double>
    /// Sample standard deviation (divisor n − 1).
    public let standardDeviation: Computed<Double>
    public let median: Computed<Double>
    /// 25th and 75th percentiles, type 7.
    public let firstQuartile: Computed<Double>
    public let thirdQuartile: Computed<Double>
    public let minimum: Computed<Double>
    public let maximum: Computed<Double>
    /// 0 when there are no values.
    public let sum: Computed<Double>

    public static func describe(_ values: [Double?]) -> DescriptiveStatistics {
        let present = values.compactMap { $0 }
        let missing = values.count - present.count
        if let reason = reasonNotFinite(present, name: "values") {
            let notComputable = Computed<Double>.notComputable(reason: reason)
            return DescriptiveStatistics(
                n: present.count, missing: missing, everyStatistic: notComputable, sum: notComputable)
        }
        if present.isEmpty {
            let reason = missing == 0 ? "no values" : "no values (all \(missing) missing)"
            // An empty sum is 0, as numpy.sum and R's sum say; nothing else exists without values.
            return DescriptiveStatistics(
                n: 0, missing: missing, everyStatistic: .notComputable(reason: reason), sum: .value(0))
        }
        return DescriptiveStatistics(present: present, missing: missing)
    }

    private init(n: Int, missing: Int, everyStatistic: Computed<Double>, sum: Computed<Double>) {
        self.n = n
        self.missing = missing
        mean = everyStatistic
        standardDeviation = everyStatistic
        median = everyStatistic
        firstQuartile = everyStatistic
        thirdQuartile = everyStatistic
        minimum = everyStatistic
        maximum = everyStatistic
        self.sum = sum
    }

    private init(present: [Double], missing: Int) {
        n = present.count
        self.missing = missing
        let sorted = present.sorted()
        minimum = .value(sorted[0])
        maximum = .value(sorted[sorted.count - 1])
        median = .value(Self.median(ofSorted: sorted))
        firstQuartile = .value(typeSevenQuantile(ofSorted: sorted, probability: 0.25))
        thirdQuartile = .value(typeSevenQuantile(ofSorted: sorted, probability: 0.75))

        let total = pairwiseSum(present)
        guard total.isFinite else {
            let reason = Computed<Double>.notComputable(reason: "values too large to sum in double precision")
            sum = reason
            mean = reason
            standardDeviation = reason
            return
        }
        sum = .value(total)
        let centre = total / Double(n)
        mean = .value(centre)
        if n < 2 {
            standardDeviation = .notComputable(reason: "fewer than 2 values (n = \(n))")
        } else {
            let squares = present.map { ($0 - centre) * ($0 - centre) }
            let deviation = (pairwiseSum(squares) / Double(n - 1)).squareRoot()
            standardDeviation =
                deviation.isFinite
                ? .value(deviation)
                : .notComputable(reason: "values too spread to square in double precision")
        }
    }

    /// The middle value, or the mean of the two middle values (numpy.median's definition).
    private static func median(ofSorted sorted: [Double]) -> Double {
        let middle = sorted.count / 2
        if sorted.count % 2 == 1 { return sorted[middle] }
        let (low, high) = (sorted[middle - 1], sorted[middle])
        let midpoint = (low + high) / 2
        return midpoint.isFinite ? midpoint : low / 2 + high / 2
    }
}

/// R's type-7 quantile of sorted, non-empty data: the order statistic at (n − 1)·p, interpolated
/// linearly, in numpy's form (`_lerp` works from the nearer end, so the result stays within
/// [low, high] and is exact at both ends).
func typeSevenQuantile(ofSorted sorted: [Double], probability: Double) -> Double {
    let position = Double(sorted.count - 1) * probability
    let lowIndex = Int(position.rounded(.down))
    let fraction = position - Double(lowIndex)
    if lowIndex + 1 >= sorted.count { return sorted[sorted.count - 1] }
    let low = sorted[lowIndex]
    let high = sorted[lowIndex + 1]
    if fraction == 0 { return low }
    let difference = high - low
    // Data spanning more than the largest double: weight the ends instead of their difference.
    guard difference.isFinite else { return low * (1 - fraction) + high * fraction }
    return fraction >= 0.5 ? high - difference * (1 - fraction) : low + difference * fraction
}
