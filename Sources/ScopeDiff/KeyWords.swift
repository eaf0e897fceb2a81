/// Says a `results.json` key in words ("median of n_patients", "Pearson p of auc (metrics-vs-samples)",
/// "studies with MRI in modalities (%)"). A key of a shape it does not know reads as itself.
struct KeyWords {
    let labels: CategoryLabels

    func describe(_ key: String) -> String {
        let parts = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let words: String? =
            switch parts.first {
            case "studies" where parts == ["studies", "count"]: "studies included"
            case "excluded" where parts == ["excluded", "count"]: "studies excluded"
            case "subsets": subset(parts)
            case "prisma":
                "PRISMA: " + parts.dropFirst().joined(separator: " ").replacingOccurrences(of: "_", with: " ")
            case "frequencies": frequency(parts)
            case "crosstabs" where parts.count == 4:
                "studies with \(labels[parts[2]]) and \(labels[parts[3]]) in \(parts[1])"
            case "descriptives": descriptive(parts)
            case "correlations": correlation(parts)
            case "claims": claim(parts)
            default: nil
            }
        return words ?? key
    }

    private func subset(_ parts: [String]) -> String? {
        guard parts.count == 3 else { return nil }
        switch parts[2] {
        case "count": return "studies in the \(parts[1]) subset"
        case "percent": return "studies in the \(parts[1]) subset (%)"
        default: return nil
        }
    }

    private func frequency(_ parts: [String]) -> String? {
        guard parts.count == 3 || parts.count == 4 else { return nil }
        let table = parts[1]
        if parts.count == 3 {
            switch parts[2] {
            case "base": return "studies counted in \(table)"
            case "categories": return "categories with studies in \(table)"
            default: return nil
            }
        }
        let category = parts[2] == "top" ? "the most frequent category" : labels[parts[2]]
        switch (parts[2], parts[3]) {
        case ("top", "label"): return "most frequent category in \(table)"
        case ("top", "count"): return "studies in the most frequent category of \(table)"
        case ("top", "percent"): return "studies in the most frequent category of \(table) (%)"
        case (_, "count"): return "studies with \(category) in \(table)"
        case (_, "percent"): return "studies with \(category) in \(table) (%)"
        default: return nil
        }
    }

    /// `descriptives.<column>[.<subset>].<statistic>`.
    private func descriptive(_ parts: [String]) -> String? {
        guard parts.count == 3 || parts.count == 4 else { return nil }
        let column = parts[1]
        let subset = parts.count == 4 ? " (\(parts[2]) studies)" : ""
        let statistic = parts[parts.count - 1]
        switch statistic {
        case "n": return "studies reporting \(column)\(subset)"
        case "missing": return "studies not reporting \(column)\(subset)"
        default:
            guard let name = Self.statistics[statistic] else { return nil }
            return "\(name) of \(column)\(subset)"
        }
    }

    private static let statistics = [
        "mean": "mean", "sd": "standard deviation", "median": "median", "q1": "first quartile",
        "q3": "third quartile", "min": "minimum", "max": "maximum", "sum": "sum",
    ]

    /// `correlations.<id>.alpha|tests|significant.<method>` for the family, and
    /// `correlations.<id>.<y>.n|skipped|<method>.<statistic>` for one correlation in it.
    private func correlation(_ parts: [String]) -> String? {
        guard parts.count >= 3 else { return nil }
        let family = parts[1]
        switch parts.count {
        case 3 where parts[2] == "alpha": return "significance level α of \(family)"
        case 3 where parts[2] == "tests": return "Pearson correlations computed in \(family)"
        case 4 where parts[2] == "significant":
            return Self.significanceCounts[parts[3]].map { "significant \($0) correlations in \(family)" }
        case 4 where parts[3] == "n": return "studies with both values for \(parts[2]) (\(family))"
        case 4 where parts[3] == "skipped": return "studies skipped for \(parts[2]) (\(family))"
        case 5: return member(y: parts[2], method: parts[3], statistic: parts[4], family: family)
        default: return nil
        }
    }

    private func member(y: String, method: String, statistic: String, family: String) -> String? {
        if method == "fit" {
            guard statistic == "slope" || statistic == "intercept" else { return nil }
            return "\(statistic) of the fitted line of \(y) (\(family))"
        }
        guard let name = Self.methods[method] else { return nil }
        if statistic == "reason" { return "why \(name) is not computable for \(y) (\(family))" }
        guard let measure = Self.correlationStatistics[statistic] else { return nil }
        return measure.replacingOccurrences(of: "METHOD", with: name) + " of \(y) (\(family))"
    }

    private static let methods = ["pearson": "Pearson", "spearman": "Spearman", "kendall": "Kendall"]

    /// The counts of significant correlations: raw p-values, and Pearson's after Holm's adjustment.
    private static let significanceCounts = [
        "pearson": "Pearson", "pearson_holm": "Pearson (Holm-adjusted)", "spearman": "Spearman",
        "kendall": "Kendall",
    ]

    private static let correlationStatistics = [
        "r": "METHOD r", "rho": "METHOD ρ", "tau": "METHOD τ", "p": "METHOD p", "p_holm": "METHOD p (Holm)",
        "p_bh": "METHOD p (Benjamini–Hochberg)", "ci_low": "lower 95 % CI bound of METHOD r",
        "ci_high": "upper 95 % CI bound of METHOD r",
    ]

    private func claim(_ parts: [String]) -> String? {
        guard parts.count == 3 else { return nil }
        switch parts[2] {
        case "recomputed": return "recomputed value of claim \(parts[1])"
        case "status": return "status of claim \(parts[1])"
        default: return nil
        }
    }
}
