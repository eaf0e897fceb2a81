import ScopeDiagnostics
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
    /// The manuscript's claims against these numbers.
    public var claims: [ClaimCheck] = []
    /// Claims that no longer hold (warnings, or errors when strict) and claims naming unknown keys.
    public var diagnostics: [Diagnostic] = []

    public static func == (lhs: SynthesisResults, rhs: SynthesisResults) -> Bool {
        lhs.values == rhs.values && lhs.frequencies == rhs.frequencies && lhs.crosstabs == rhs.crosstabs
            && lhs.summaries == rhs.summaries && lhs.correlations == rhs.correlations
            && lhs.claims == rhs.claims
    }

    public func frequency(_ id: String) -> FrequencyTable? { frequencies.first { $0.id == id } }
    public func crosstab(_ id: String) -> CrossTabulation? { crosstabs.first { $0.id == id } }
    public func correlation(_ id: String) -> CorrelationFamily? { correlations.first { $0.id == id } }
}

public enum Synthesis {
    /// - Parameters:
    ///   - configPath: how diagnostics name the config file (claims point at their line).
    ///   - strict: a claim that no longer holds is an error rather than a warning.
    public static func run(
        _ review: Review, configPath: String = "review.yaml", strict: Bool = false
    )
        -> SynthesisResults
    {
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
        (results.claims, results.diagnostics) = ClaimCheck.check(
            review.config.claims, values: results.values, alpha: review.config.presentation.alpha,
            configPath: configPath, strict: strict)
        for check in results.claims {
            let prefix = "claims.\(check.claim.id)"
            results.values["\(prefix).status"] = .text(check.status.rawValue)
            if let recomputed = check.recomputed { results.values["\(prefix).recomputed"] = recomputed }
        }
        return results
    }
}
