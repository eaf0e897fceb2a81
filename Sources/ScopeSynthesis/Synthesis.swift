import ScopeLoad
import ScopeStatistics

/// Stage 2 of the pipeline: pure functions from a validated review to its typed results. No I/O.
public struct SynthesisResults: Sendable, Equatable {
    public var studyCount: Int
    public var subsetCounts: [(name: String, label: String, count: Int)]
    public var frequencies: [FrequencyTable]
    public var crosstabs: [CrossTabulation]
    public var summaries: [NumericSummary]
    public var correlations: [CorrelationFamily]
    /// Every number above under its stable key.
    public var values: ResultValues

    public static func == (lhs: SynthesisResults, rhs: SynthesisResults) -> Bool {
        lhs.values == rhs.values && lhs.frequencies == rhs.frequencies && lhs.crosstabs == rhs.crosstabs
            && lhs.summaries == rhs.summaries && lhs.correlations == rhs.correlations
    }

    public func frequency(_ id: String) -> FrequencyTable? { frequencies.first { $0.id == id } }
    public func crosstab(_ id: String) -> CrossTabulation? { crosstabs.first { $0.id == id } }
    public func correlation(_ id: String) -> CorrelationFamily? { correlations.first { $0.id == id } }
}

public enum Synthesis {
    public static func run(_ review: Review) -> SynthesisResults {
        let spec = review.config.synthesis
        var results = SynthesisResults(
            studyCount: review.studyCount,
            subsetCounts: review.config.subsets.map { subset in
                (subset.name, subset.label, review.subsets[subset.name]?.filter { $0 }.count ?? 0)
            },
            frequencies: spec.frequencies.map { FrequencyTable.make($0, review: review) },
            crosstabs: spec.crosstabs.map { CrossTabulation.make($0, review: review) },
            summaries: spec.descriptives.map { NumericSummary.make($0, review: review) },
            correlations: spec.correlations.map { CorrelationFamily.make($0, review: review) },
            values: ResultValues())
        results.values = ResultKeys.values(of: results, review: review)
        return results
    }
}
