/// Ranks 1…n with tied values sharing the mean of their ranks (scipy.stats.rankdata, method
/// "average"). O(n log n) for the sort; the ranks are half-integers, so sums of them are exact.
func averageRanks(_ values: [Double]) -> [Double] {
    let order = values.indices.sorted { values[$0] < values[$1] }
    var ranks = [Double](repeating: 0, count: values.count)
    var runStart = 0
    while runStart < order.count {
        var runEnd = runStart + 1
        while runEnd < order.count && values[order[runEnd]] == values[order[runStart]] {
            runEnd += 1
        }
        // Positions runStart..<runEnd hold ranks runStart + 1 … runEnd; their mean:
        let rank = Double(runStart + 1 + runEnd) / 2
        for position in runStart..<runEnd {
            ranks[order[position]] = rank
        }
        runStart = runEnd
    }
    return ranks
}
