/// Studies added, removed, and the cells that changed in studies present in both reports.
public struct StudyChanges: Sendable, Equatable, Encodable {
    public var added: [String]
    public var removed: [String]
    public var changed: [StudyCellChange]

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

    /// The number of studies with at least one changed cell.
    public var changedStudyCount: Int { Set(changed.map(\.study)).count }

    init(old: [String: [String: String?]], new: [String: [String: String?]]) {
        added = new.keys.filter { old[$0] == nil }.sorted()
        removed = old.keys.filter { new[$0] == nil }.sorted()
        changed = []
        for study in old.keys.filter({ new[$0] != nil }).sorted() {
            let before = old[study]!
            let after = new[study]!
            // A column present in one report only reads as blank in the other, so adding an empty
            // column to the sheet is not a change to every study.
            for column in Set(before.keys).union(after.keys).sorted() {
                let oldValue = before[column] ?? nil
                let newValue = after[column] ?? nil
                if oldValue != newValue {
                    changed.append(
                        StudyCellChange(study: study, column: column, old: oldValue, new: newValue))
                }
            }
        }
    }
}

public struct StudyCellChange: Sendable, Equatable, Encodable {
    public var study: String
    public var column: String
    public var old: String?
    public var new: String?
}
