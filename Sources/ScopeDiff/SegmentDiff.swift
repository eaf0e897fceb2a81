/// The parts of a figure's description that changed. A `<desc>` lists its data as phrases separated
/// by "; " or ". " ("AUC: n = 15, r = 0.10, p = 0.719; Accuracy: …"), so comparing phrase by phrase
/// quotes just the data that moved.
public struct TextHunk: Sendable, Equatable, Encodable {
    /// The old phrases joined by "; " (empty when phrases were only added).
    public var old: String
    /// The new phrases joined by "; " (empty when phrases were only removed).
    public var new: String
}

enum SegmentDiff {
    static func hunks(old: String, new: String) -> [TextHunk] {
        let before = phrases(old)
        let after = phrases(new)
        // Longest common subsequence by dynamic programming; descriptions have tens of phrases.
        var table = Array(repeating: Array(repeating: 0, count: after.count + 1), count: before.count + 1)
        for i in stride(from: before.count - 1, through: 0, by: -1) {
            for j in stride(from: after.count - 1, through: 0, by: -1) {
                table[i][j] =
                    before[i] == after[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var hunks: [TextHunk] = []
        var removed: [String] = []
        var added: [String] = []
        func flush() {
            if !removed.isEmpty || !added.isEmpty {
                hunks.append(
                    TextHunk(old: removed.joined(separator: "; "), new: added.joined(separator: "; ")))
            }
            removed = []
            added = []
        }
        var i = 0
        var j = 0
        while i < before.count || j < after.count {
            if i < before.count, j < after.count, before[i] == after[j] {
                flush()
                i += 1
                j += 1
            } else if j < after.count, i == before.count || table[i][j + 1] >= table[i + 1][j] {
                added.append(after[j])
                j += 1
            } else {
                removed.append(before[i])
                i += 1
            }
        }
        flush()
        return hunks
    }

    static func phrases(_ text: String) -> [String] {
        var phrases: [String] = []
        var current = ""
        var previous: Character?
        for character in text {
            if character == " ", previous == ";" || previous == "." {
                phrases.append(String(current.dropLast()))
                current = ""
                previous = nil
                continue
            }
            current.append(character)
            previous = character
        }
        if !current.isEmpty { phrases.append(current) }
        return phrases.filter { !$0.isEmpty }
    }
}
