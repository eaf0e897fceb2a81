import Foundation

/// Everything that differs between two report folders, in the order it is reported: studies,
/// PRISMA counts, other results, tables, figures. Unchanged things are not listed.
public struct ReportDiff: Sendable, Equatable, Encodable {
    public var studies: StudyChanges
    public var results: ResultChanges
    public var tables: TableChanges
    public var figures: FigureChanges

    public var isEmpty: Bool { studies.isEmpty && results.isEmpty && tables.isEmpty && figures.isEmpty }

    public init(old: ReportFolder, new: ReportFolder) {
        studies = StudyChanges(old: old.studies, new: new.studies)
        let labels = CategoryLabels(
            tables: new.tables.keys.sorted().map { new.tables[$0]! },
            fallback: old.tables.keys.sorted().map { old.tables[$0]! })
        results = ResultChanges(old: old.results, new: new.results, words: KeyWords(labels: labels))
        tables = TableChanges(old: old.tables, new: new.tables)
        figures = FigureChanges(old: old.figures, new: new.figures)
    }
}

public struct TableChanges: Sendable, Equatable, Encodable {
    public var added: [String]
    public var removed: [String]
    public var changed: [TableChange]

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

    init(old: [String: [[String]]], new: [String: [[String]]]) {
        added = new.keys.filter { old[$0] == nil }.sorted()
        removed = old.keys.filter { new[$0] == nil }.sorted()
        changed = old.keys.filter { new[$0] != nil }.sorted().compactMap {
            TableChange(table: $0, old: old[$0]!, new: new[$0]!)
        }
    }
}

public struct FigureChanges: Sendable, Equatable, Encodable {
    public var added: [String]
    public var removed: [String]
    public var changed: [FigureChange]

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

    init(old: [String: Data], new: [String: Data]) {
        added = new.keys.filter { old[$0] == nil }.sorted()
        removed = old.keys.filter { new[$0] == nil }.sorted()
        changed = old.keys.filter { new[$0] != nil }.sorted().compactMap {
            FigureChange(figure: $0, old: old[$0]!, new: new[$0]!)
        }
    }
}
