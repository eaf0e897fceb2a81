import Foundation
import ScopeDiagnostics
import ScopeLoad
import ScopeSystem

/// A manuscript claim held against the recomputed results.
public struct ClaimCheck: Sendable, Equatable {
    public var claim: Claim
    public var recomputed: ResultValue?
    public var status: Status

    public enum Status: String, Sendable, Equatable {
        /// The data gives what the manuscript states.
        case reproduced
        /// The data gives something else.
        case differs
        /// The claim has no key, or its statistic is not computable from this data.
        case notRecomputable = "not recomputable"
    }

    /// Checks every claim; a claim naming a key that no result has is an error in the config, a
    /// claim that no longer holds a warning (an error when `strict`).
    static func check(
        _ claims: [Claim], values: ResultValues, alpha: Double, configPath: String, strict: Bool
    ) -> ([ClaimCheck], [Diagnostic]) {
        var checks: [ClaimCheck] = []
        var diagnostics: [Diagnostic] = []
        for claim in claims {
            let location = SourceLocation(file: configPath, line: claim.line)
            guard let key = claim.key else {
                checks.append(ClaimCheck(claim: claim, recomputed: nil, status: .notRecomputable))
                continue
            }
            guard let value = values[key] else {
                var message = "claim '\(claim.id)' names the result '\(key)', which this review does not have"
                if let suggestion = Suggestion.closest(to: key, among: values.sortedKeys) {
                    message += "; did you mean '\(suggestion)'?"
                }
                diagnostics.append(.error(message, at: location))
                continue
            }
            guard let number = value.number else {
                checks.append(ClaimCheck(claim: claim, recomputed: value, status: .notRecomputable))
                continue
            }
            let holds: Bool
            let expectedText: String
            switch claim.expectation {
            case .value(let expected, let tolerance):
                holds = abs(number - expected) <= tolerance + 1e-12 * max(1, abs(expected))
                expectedText =
                    NumberText.shortest(expected)
                    + (tolerance > 0 ? " ± \(NumberText.shortest(tolerance))" : "")
            case .significant(let significant):
                holds = (number < alpha) == significant
                expectedText =
                    significant ? "p < \(NumberText.shortest(alpha))" : "p ≥ \(NumberText.shortest(alpha))"
            case .none:
                holds = true
                expectedText = ""
            }
            checks.append(ClaimCheck(claim: claim, recomputed: value, status: holds ? .reproduced : .differs))
            if !holds {
                let message =
                    "claim '\(claim.id)' (\(claim.text)) no longer holds: \(key) is \(Self.readable(number)), "
                    + "expected \(expectedText)"
                diagnostics.append(strict ? .error(message, at: location) : .warning(message, at: location))
            }
        }
        return (checks, diagnostics)
    }

    /// Four significant digits: enough to see a difference, short enough to read (0.7193, 40, 1.235e-05).
    static func readable(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return NumberText.shortest(value) }
        return PrintfNumber.significant(value, digits: 4)
    }
}
