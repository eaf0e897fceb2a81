/// "Did you mean …?": the closest candidate by edit distance, when it is close enough to be a typo.
public enum Suggestion {
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        // Allow about one edit in three characters, and at least one.
        let mostAllowed = max(1, target.count / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            // Only a candidate closer than the best so far matters: a search with thousands of
            // candidates gives up on each as soon as it is too far.
            let bound = min(mostAllowed, (best?.distance ?? Int.max) - 1)
            let letters = Array(candidate.lowercased().unicodeScalars)
            guard abs(letters.count - target.count) <= bound,
                let distance = editDistance(target, letters, atMost: bound)
            else { continue }
            best = (candidate, distance)
        }
        guard let best else { return nil }
        let allowed = max(1, min(target.count, Array(best.candidate.unicodeScalars).count) / 3)
        return best.distance <= allowed ? best.candidate : nil
    }

    /// Edit distance in which swapping two neighbouring characters counts as one edit, like inserting,
    /// deleting or replacing one (optimal string alignment): `lable` is one typo away from `label`.
    /// Nil when it is more than `bound`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost bound: Int = .max) -> Int? {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) <= bound ? max(a.count, b.count) : nil }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            // A transposition reaches back two rows, so give up only when both rows are past the bound.
            if current.min()! > bound, previous.min()! > bound { return nil }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count] <= bound ? previous[b.count] : nil
    }
}
