/// The keys of `results.json` whose values changed, appeared or disappeared, PRISMA counts apart.
public struct ResultChanges: Sendable, Equatable {
    /// `prisma.*` keys whose value changed (the flow diagram's counts).
    public var prisma: [ResultChange]
    /// Every other key whose value changed.
    public var changed: [ResultChange]
    public var added: [ResultEntry]
    public var removed: [ResultEntry]

    public var isEmpty: Bool { prisma.isEmpty && changed.isEmpty && added.isEmpty && removed.isEmpty }

    init(old: [String: JSONScalar], new: [String: JSONScalar], words: KeyWords) {
        prisma = []
        changed = []
        added = new.keys.filter { old[$0] == nil }.sorted().map {
            ResultEntry(key: $0, description: words.describe($0), value: new[$0]!)
        }
        removed = old.keys.filter { new[$0] == nil }.sorted().map {
            ResultEntry(key: $0, description: words.describe($0), value: old[$0]!)
        }
        for key in old.keys.filter({ new[$0] != nil }).sorted() where old[key] != new[key] {
            let change = ResultChange(
                key: key, description: words.describe(key), old: old[key]!, new: new[key]!,
                significance: Significance(
                    key: key, old: old[key]!, new: new[key]!, results: new, previous: old))
            if key.hasPrefix("prisma.") { prisma.append(change) } else { changed.append(change) }
        }
    }
}

public struct ResultChange: Sendable, Equatable, Encodable {
    public var key: String
    /// The key in words: "median of n_patients".
    public var description: String
    public var old: JSONScalar
    public var new: JSONScalar
    /// For p-values only: significance at α before and after.
    public var significance: Significance?
}

public struct ResultEntry: Sendable, Equatable, Encodable {
    public var key: String
    public var description: String
    public var value: JSONScalar
}

/// Whether a p-value was and is below α. α is the new report's `correlations.<id>.alpha` (the old
/// report's when the new one has none), else 0.05; significant means p < α, as the build counts it.
public struct Significance: Sendable, Equatable, Encodable {
    public var alpha: Double
    public var wasSignificant: Bool
    public var isSignificant: Bool

    public var flipped: Bool { wasSignificant != isSignificant }

    /// "now significant at α = 0.05", "no longer significant at α = 0.05", or nil when unchanged.
    public var flipText: String? {
        guard flipped else { return nil }
        return (isSignificant ? "now significant" : "no longer significant")
            + " at α = \(JSONScalar.display(alpha))"
    }

    enum CodingKeys: String, CodingKey {
        case alpha
        case wasSignificant = "was_significant"
        case isSignificant = "is_significant"
        case flipped
    }

    public init(alpha: Double, wasSignificant: Bool, isSignificant: Bool) {
        self.alpha = alpha
        self.wasSignificant = wasSignificant
        self.isSignificant = isSignificant
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(alpha, forKey: .alpha)
        try container.encode(wasSignificant, forKey: .wasSignificant)
        try container.encode(isSignificant, forKey: .isSignificant)
        try container.encode(flipped, forKey: .flipped)
    }

    static let pValueSuffixes = [".p", ".p_holm", ".p_bh"]

    init?(
        key: String, old: JSONScalar, new: JSONScalar, results: [String: JSONScalar],
        previous: [String: JSONScalar]
    ) {
        guard Self.pValueSuffixes.contains(where: key.hasSuffix), let before = old.number,
            let after = new.number
        else { return nil }
        let parts = key.split(separator: ".", omittingEmptySubsequences: false)
        var alpha = 0.05
        if parts.count > 2, parts[0] == "correlations" {
            let alphaKey = "correlations.\(parts[1]).alpha"
            alpha = results[alphaKey]?.number ?? previous[alphaKey]?.number ?? alpha
        }
        self.init(alpha: alpha, wasSignificant: before < alpha, isSignificant: after < alpha)
    }
}
