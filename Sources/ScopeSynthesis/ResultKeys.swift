import ScopeDiagnostics
import ScopeLoad
import ScopeStatistics

/// Names every result: the keys of `results.json` and of the templates' placeholders. They are part
/// of the tool's interface (authors' templates and claims refer to them), so they change only with care.
enum ResultKeys {
    static func values(of results: SynthesisResults, review: Review) -> ResultValues {
        var values = ResultValues()
        values["studies.count"] = .count(results.studyCount)
        values["excluded.count"] = .count(review.excluded.count)
        for subset in results.subsetCounts {
            values["subsets.\(subset.name).count"] = .count(subset.count)
            if results.studyCount > 0 {
                values["subsets.\(subset.name).percent"] = .percent(
                    Double(subset.count) * 100 / Double(results.studyCount))
            }
        }
        for (key, count) in review.config.prisma?.keyValues ?? [] { values[key] = .count(count) }
        for table in results.frequencies { add(table, to: &values) }
        for table in results.crosstabs { add(table, to: &values) }
        for summary in results.summaries { add(summary, to: &values) }
        for family in results.correlations {
            add(family, to: &values)
            addSignificance(family, alpha: review.config.presentation.alpha, to: &values)
        }
        return values
    }

    private static func add(_ table: FrequencyTable, to values: inout ResultValues) {
        let prefix = "frequencies.\(table.id)"
        values["\(prefix).base"] = .count(table.base)
        values["\(prefix).categories"] = .count(table.rows.filter { !$0.isNotReported && $0.count > 0 }.count)
        for (row, segment) in zip(table.rows, ResultKey.segments(table.rows.map(\.label))) {
            values["\(prefix).\(segment).count"] = .count(row.count)
            if let percent = row.percent { values["\(prefix).\(segment).percent"] = .percent(percent) }
        }
        // The most frequent category, whatever order the table lists them in (years run in calendar
        // order); a tie goes to the one the table shows first.
        let reported = table.rows.filter { !$0.isNotReported && $0.count > 0 }
        if let most = reported.map(\.count).max(), let top = reported.first(where: { $0.count == most }) {
            values["\(prefix).top.label"] = .text(top.label)
            values["\(prefix).top.count"] = .count(top.count)
            if let percent = top.percent { values["\(prefix).top.percent"] = .percent(percent) }
        }
    }

    private static func add(_ table: CrossTabulation, to values: inout ResultValues) {
        let rows = ResultKey.segments(table.rowCategories)
        let columns = ResultKey.segments(table.columnCategories)
        for (r, rowKey) in rows.enumerated() {
            for (c, columnKey) in columns.enumerated() {
                values["crosstabs.\(table.id).\(rowKey).\(columnKey)"] = .count(table.counts[r][c])
            }
        }
    }

    private static func add(_ summary: NumericSummary, to values: inout ResultValues) {
        let s = summary.statistics
        let prefix = summary.key
        values["\(prefix).n"] = .count(s.n)
        values["\(prefix).missing"] = .count(s.missing)
        let measures: [(String, Computed<Double>)] = [
            ("mean", s.mean), ("sd", s.standardDeviation), ("median", s.median), ("q1", s.firstQuartile),
            ("q3", s.thirdQuartile), ("min", s.minimum), ("max", s.maximum), ("sum", s.sum),
        ]
        // Years print as years; fractions (AUC, accuracy …) with fixed decimals like other statistics.
        let kind: (Double) -> ResultValue =
            switch summary.type {
            case .year: ResultValue.plain
            case .fraction: ResultValue.statistic
            default: ResultValue.measure
            }
        for (name, measure) in measures {
            values["\(prefix).\(name)"] = value(
                measure, as: name == "sd" && summary.type == .year ? ResultValue.measure : kind)
            // A statistic that is null in results.json says why beside it, as a correlation does.
            if let reason = measure.reason { values["\(prefix).\(name)_reason"] = .text(reason) }
        }
    }

    private static func add(_ family: CorrelationFamily, to values: inout ResultValues) {
        for member in family.members {
            let prefix = "correlations.\(family.id).\(member.y)"
            let analysis = member.analysis
            values["\(prefix).n"] = .count(analysis.n)
            values["\(prefix).skipped"] = .count(member.skipped)
            switch analysis.pearson {
            case .value(let pearson):
                values["\(prefix).pearson.r"] = .statistic(pearson.r)
                values["\(prefix).pearson.p"] = .pValue(pearson.p)
                if let interval = pearson.confidenceInterval.value {
                    values["\(prefix).pearson.ci_low"] = .statistic(interval.lower)
                    values["\(prefix).pearson.ci_high"] = .statistic(interval.upper)
                } else if let reason = pearson.confidenceInterval.reason {
                    values["\(prefix).pearson.ci_low"] = .notComputable(reason)
                    values["\(prefix).pearson.ci_high"] = .notComputable(reason)
                }
            case .notComputable(let reason):
                values["\(prefix).pearson.r"] = .notComputable(reason)
                values["\(prefix).pearson.p"] = .notComputable(reason)
                values["\(prefix).pearson.reason"] = .text(reason)
            }
            for (name, coefficient) in [("spearman", analysis.spearman), ("kendall", analysis.kendall)] {
                let symbol = name == "spearman" ? "rho" : "tau"
                switch coefficient {
                case .value(let rank):
                    values["\(prefix).\(name).\(symbol)"] = .statistic(rank.coefficient)
                    values["\(prefix).\(name).p"] = .pValue(rank.p)
                case .notComputable(let reason):
                    values["\(prefix).\(name).\(symbol)"] = .notComputable(reason)
                    values["\(prefix).\(name).p"] = .notComputable(reason)
                    values["\(prefix).\(name).reason"] = .text(reason)
                }
            }
            let adjusted: [(String, Double?)] = [
                ("pearson.p_holm", member.pearsonHolm), ("pearson.p_bh", member.pearsonBH),
                ("spearman.p_holm", member.spearmanHolm), ("spearman.p_bh", member.spearmanBH),
                ("kendall.p_holm", member.kendallHolm), ("kendall.p_bh", member.kendallBH),
            ]
            for (name, p) in adjusted {
                values["\(prefix).\(name)"] = p.map(ResultValue.pValue) ?? .notComputable("not computable")
            }
            if let fit = member.fit.value {
                values["\(prefix).fit.slope"] = .measure(fit.slope)
                values["\(prefix).fit.intercept"] = .measure(fit.intercept)
            }
        }
    }

    /// How many of a family's correlations are significant at α, before and after adjustment: the
    /// numbers behind a sentence such as "no metric correlated significantly with samples per label".
    private static func addSignificance(
        _ family: CorrelationFamily, alpha: Double, to values: inout ResultValues
    ) {
        let prefix = "correlations.\(family.id)"
        values["\(prefix).alpha"] = .statistic(alpha)
        values["\(prefix).tests"] = .count(family.members.filter { $0.analysis.pearson.value != nil }.count)
        let counts: [(String, (CorrelationFamily.Member) -> Double?)] = [
            ("pearson", { $0.analysis.pearson.value?.p }), ("pearson_holm", { $0.pearsonHolm }),
            ("spearman", { $0.analysis.spearman.value?.p }), ("kendall", { $0.analysis.kendall.value?.p }),
        ]
        for (name, p) in counts {
            values["\(prefix).significant.\(name)"] = .count(
                family.members.filter { (p($0) ?? 1) < alpha }.count)
        }
    }

    private static func value(_ computed: Computed<Double>, as kind: (Double) -> ResultValue) -> ResultValue {
        switch computed {
        case .value(let value): kind(value)
        case .notComputable(let reason): .notComputable(reason)
        }
    }
}
