extension RankCorrelation {
    /// Kendall's τ-b with the tie-corrected variance of its numerator and a normal approximation,
    /// as scipy.stats.kendalltau(x, y, method: "asymptotic"). Expects ≥ 3 finite pairs.
    ///
    /// O(n log n) by Knight's algorithm (Knight 1966, "A computer method for calculating Kendall's
    /// tau with ungrouped data", JASA 61): sort the pairs by (x, y), then count discordant pairs as
    /// the inversions of the y sequence during a merge sort, which also leaves y sorted for
    /// counting its ties.
    static func kendall(_ x: [Double], _ y: [Double]) -> Computed<RankCorrelation> {
        let n = x.count
        let order = x.indices.sorted { x[$0] < x[$1] || (x[$0] == x[$1] && y[$0] < y[$1]) }
        let xSorted = order.map { x[$0] }
        var ySequence = order.map { y[$0] }
        let xTies = TieCounts(runsIn: xSorted)
        let jointTies = TieCounts(runsIn: order.indices) {
            xSorted[$0] == xSorted[$1] && ySequence[$0] == ySequence[$1]
        }
        let discordant = sortCountingInversions(&ySequence)
        let yTies = TieCounts(runsIn: ySequence)

        let totalPairs = n * (n - 1) / 2
        if xTies.pairs == totalPairs { return .notComputable(reason: "all x values tied") }
        if yTies.pairs == totalPairs { return .notComputable(reason: "all y values tied") }

        // Every pair is concordant, discordant, tied in x only, in y only, or in both.
        let concordantMinusDiscordant =
            totalPairs - xTies.pairs - yTies.pairs + jointTies.pairs - 2 * discordant
        let numerator = Double(concordantMinusDiscordant)
        let unclipped =
            numerator / Double(totalPairs - xTies.pairs).squareRoot()
            / Double(totalPairs - yTies.pairs).squareRoot()
        let tau = min(1, max(-1, unclipped))

        // Var(C − D) under independence with ties (Kendall 1970, Rank Correlation Methods, eq. 4.3),
        // written term by term as scipy writes it.
        let size = Double(n)
        let m = size * (size - 1)
        let variance =
            (m * (2 * size + 5) - xTies.cubicSum - yTies.cubicSum) / 18
            + (2 * Double(xTies.pairs) * Double(yTies.pairs)) / m
            + xTies.fallingCubeSum * yTies.fallingCubeSum / (9 * m * (size - 2))
        guard variance > 0 else { return .notComputable(reason: "Kendall variance is zero") }
        let z = numerator / variance.squareRoot()
        return .value(RankCorrelation(coefficient: tau, p: normalTwoSidedP(z)))
    }
}

/// Sums over the groups of tied values (group size t) that Kendall's variance needs.
private struct TieCounts {
    /// Σ t(t − 1)/2: pairs tied within a group.
    var pairs = 0
    /// Σ t(t − 1)(t − 2), in floating point because products of two such sums exceed Int64.
    var fallingCubeSum = 0.0
    /// Σ t(t − 1)(2t + 5).
    var cubicSum = 0.0

    /// Tie groups of a sorted array: runs of equal neighbours.
    init(runsIn sorted: [Double]) {
        self.init(runsIn: sorted.indices) { sorted[$0] == sorted[$1] }
    }

    /// Tie groups given by runs of neighbours for which `tied(previous, next)` holds.
    init(runsIn positions: Range<Int>, tied: (Int, Int) -> Bool) {
        var runLength = 1
        for position in positions.dropFirst() {
            if tied(position - 1, position) {
                runLength += 1
            } else {
                add(group: runLength)
                runLength = 1
            }
        }
        if !positions.isEmpty { add(group: runLength) }
    }

    private mutating func add(group size: Int) {
        guard size > 1 else { return }
        let t = Double(size)
        pairs += size * (size - 1) / 2
        fallingCubeSum += t * (t - 1) * (t - 2)
        cubicSum += t * (t - 1) * (2 * t + 5)
    }
}

/// Sorts `values` ascending by a bottom-up merge sort and returns the number of pairs i < j with
/// values[i] > values[j] (equal values are not inversions). O(n log n) time, one n-element buffer.
func sortCountingInversions(_ values: inout [Double]) -> Int {
    let count = values.count
    var buffer = [Double](repeating: 0, count: count)
    var inversions = 0
    var width = 1
    values.withUnsafeMutableBufferPointer { source in
        buffer.withUnsafeMutableBufferPointer { target in
            var from = source
            var into = target
            while width < count {
                var start = 0
                while start < count {
                    let middle = min(start + width, count)
                    let end = min(start + 2 * width, count)
                    var left = start
                    var right = middle
                    var out = start
                    while left < middle && right < end {
                        if from[right] < from[left] {
                            // Every remaining left element is greater than this right element.
                            inversions += middle - left
                            into[out] = from[right]
                            right += 1
                        } else {
                            into[out] = from[left]
                            left += 1
                        }
                        out += 1
                    }
                    while left < middle {
                        into[out] = from[left]
                        left += 1
                        out += 1
                    }
                    while right < end {
                        into[out] = from[right]
                        right += 1
                        out += 1
                    }
                    start = end
                }
                swap(&from, &into)
                width *= 2
            }
            // After an odd number of passes the sorted data sit in the buffer.
            if from.baseAddress != source.baseAddress {
                source.baseAddress!.update(from: from.baseAddress!, count: count)
            }
        }
    }
    return inversions
}
