import ScopeDiagnostics
import Yams

/// A number or finding the manuscript states, tied to a result key, so every build can say whether
/// the data still gives it: "38 studies included" (`studies.count` = 38), "median 93 patients"
/// (with a tolerance), "no significant correlation of AUC with samples per label" (a p-value that
/// must stay at or above α). A claim without a key is shown as "not recomputable from this data".
public struct Claim: Sendable, Equatable {
    public var id: String
    public var text: String
    /// What the manuscript printed, as it printed it (defaults to the expected value).
    public var published: String
    public var key: String?
    public var expectation: Expectation
    public var line: Int

    public enum Expectation: Sendable, Equatable {
        /// The value must lie within `tolerance` of `expected`.
        case value(Double, tolerance: Double)
        /// The p-value must be below α (true) or not (false).
        case significant(Bool)
        /// Stated for the record only: nothing to recompute.
        case none
    }
}

extension ConfigDecoder {
    /// `claims:` — a list of `{id, text, key, expected, tolerance, significant, published}`.
    mutating func decodeClaims(_ node: Node?) -> [Claim] {
        guard let node else { return [] }
        guard let sequence = node.sequence else {
            diagnostics.append(.error("'claims' should be a list", at: YAMLFields.location(node, file)))
            return []
        }
        var claims: [Claim] = []
        var ids: Set<String> = []
        for item in sequence {
            let what = "claim"
            guard var fields = YAMLFields(item, file: file, what: what, diagnostics: &diagnostics) else {
                continue
            }
            let id = fields.requiredString("id", in: what, &diagnostics)
            let text = fields.requiredString("text", in: what, &diagnostics)
            let key = fields.string("key", &diagnostics)
            // A non-finite expected value or tolerance would make the claim hold for any result or for
            // none, and a negative tolerance is a typo we cannot read the intent of: config errors.
            var outOfRange = false
            let expected = fields.double("expected", &diagnostics)
            if let value = expected, !value.isFinite, let node = fields.value("expected") {
                diagnostics.append(
                    .error(
                        "'expected' should be a finite number, not \(node.scalar?.string ?? "")",
                        at: fields.location(of: node)))
                outOfRange = true
            }
            let tolerance = fields.double("tolerance", &diagnostics) ?? 0
            if !(tolerance.isFinite && tolerance >= 0), let node = fields.value("tolerance") {
                diagnostics.append(
                    .error(
                        "'tolerance' should be a finite number, 0 or more, not \(node.scalar?.string ?? "")",
                        at: fields.location(of: node)))
                outOfRange = true
            }
            let significant = fields.bool("significant", &diagnostics)
            let published = fields.string("published", &diagnostics)
            fields.reportUnknownKeys(in: what, &diagnostics)
            guard let id, let text else { continue }
            if !ids.insert(id).inserted {
                diagnostics.append(.error("claim: the id '\(id)' is used twice", at: fields.location))
                continue
            }
            if outOfRange { continue }
            let expectation: Claim.Expectation
            switch (key, expected, significant) {
            case (nil, _, _): expectation = .none
            case (_?, let value?, nil): expectation = .value(value, tolerance: tolerance)
            case (_?, nil, let flag?): expectation = .significant(flag)
            default:
                diagnostics.append(
                    .error(
                        "claim '\(id)' with a key needs either 'expected' (a number) or 'significant' (true or false)",
                        at: fields.location))
                continue
            }
            let shown =
                published ?? expected.map(NumberText.shortest)
                ?? (significant == false ? "not significant" : "significant")
            claims.append(
                Claim(
                    id: id, text: text, published: shown, key: key, expectation: expectation,
                    line: fields.location.line ?? 0))
        }
        return claims
    }
}
