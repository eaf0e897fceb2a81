/// Key segments from labels: lower case, letters and digits, other runs become one `-`
/// ("South Korea" → `south-korea`, "k-nearest neighbours" → `k-nearest-neighbours`). Here, in the
/// module every stage shares, because the synthesis names its results with it and the diff, which
/// reads only report folders, maps the segments of those names back to their labels.
public enum ResultKey {
    public static func segment(_ label: String) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in label.lowercased().unicodeScalars {
            // ASCII without the Unicode property tables (most labels are ASCII).
            let isWord =
                scalar.isASCII
                ? (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                    || ("0"..."9").contains(scalar)
                    || scalar == "_")
                : scalar.properties.isAlphabetic
            if isWord {
                if pendingDash, !slug.isEmpty { slug += "-" }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return slug.isEmpty ? "blank" : slug
    }

    /// Segments for a list of labels, made unique by suffixes where two labels slug alike.
    public static func segments(_ labels: [String]) -> [String] {
        var used: [String: Int] = [:]
        return labels.map { label in
            let base = segment(label)
            let count = used[base, default: 0] + 1
            used[base] = count
            return count == 1 ? base : "\(base)-\(count)"
        }
    }
}
