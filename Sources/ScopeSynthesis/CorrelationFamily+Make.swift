import ScopeLoad
import ScopeStatistics

extension CorrelationFamily {
    static func make(_ spec: CorrelationSpec, review: Review) -> CorrelationFamily {
        let rows = review.rows(in: spec.subset)
        let xs = review.values[spec.x]?.numbers ?? []
        var members: [Member] = spec.ys.map { name in
            let ys = review.values[name]?.numbers ?? []
            var points: [Point] = []
            for row in rows {
                if let x = xs[row], let y = ys[row] {
                    points.append(Point(x: x, y: y, study: review.studyIDs[row]))
                }
            }
            let x = points.map(\.x)
            let y = points.map(\.y)
            return Member(
                y: name, yLabel: review.column(named: name)?.label ?? name, points: points,
                skipped: rows.count - points.count, analysis: CorrelationAnalysis.correlate(x, y),
                fit: LinearFit.fit(x, y))
        }
        // Each coefficient's p-values are adjusted across the family's members that have one.
        func adjust(
            _ p: (CorrelationAnalysis) -> Double?, holm: WritableKeyPath<Member, Double?>,
            bh: WritableKeyPath<Member, Double?>
        ) {
            let indices = members.indices.filter { p(members[$0].analysis) != nil }
            let values = indices.map { p(members[$0].analysis)! }
            guard !values.isEmpty else { return }
            if let adjusted = PValueAdjustment.holm(values).value {
                for (index, value) in zip(indices, adjusted) { members[index][keyPath: holm] = value }
            }
            if let adjusted = PValueAdjustment.benjaminiHochberg(values).value {
                for (index, value) in zip(indices, adjusted) { members[index][keyPath: bh] = value }
            }
        }
        adjust({ $0.pearson.value?.p }, holm: \.pearsonHolm, bh: \.pearsonBH)
        adjust({ $0.spearman.value?.p }, holm: \.spearmanHolm, bh: \.spearmanBH)
        adjust({ $0.kendall.value?.p }, holm: \.kendallHolm, bh: \.kendallBH)
        let xLabel = review.column(named: spec.x)?.label ?? spec.x
        return CorrelationFamily(
            id: spec.id,
            title: spec.title ?? "\(xLabel) against " + members.map(\.yLabel).joined(separator: ", "),
            x: spec.x, xLabel: xLabel, subset: spec.subset, members: members)
    }
}
