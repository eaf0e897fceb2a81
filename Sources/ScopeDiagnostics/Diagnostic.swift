/// A problem found in a review's inputs, pointing at its place like a compiler does, so that editors
/// and CI can annotate the cell or line: `review-data/studies.csv:14:7: error: …`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error
        case warning
        case note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, at: location, message)
    }

    public static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, at: location, message)
    }

    /// `file:line:column: severity: message`, the form gcc, swiftc and GitHub's problem matchers read.
    /// Control characters a message quotes from the data are shown escaped (`\u{1B}`, `\t`): printed
    /// raw, an ESC sequence from a cell could clear the terminal, and a line break would split the line.
    public var description: String {
        ControlCharacters.escaped("\(location): \(severity.rawValue): \(message)")
    }
}

/// Where a diagnostic points: a file, and optionally a line and column, or a spreadsheet cell.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible, Comparable {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// For spreadsheets: `Sheet!G14`. Printed instead of line and column when present.
    public var cell: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, cell: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.cell = cell
    }

    public var description: String {
        if let cell { return "\(file):\(cell)" }
        switch (line, column) {
        case (let line?, let column?): return "\(file):\(line):\(column)"
        case (let line?, nil): return "\(file):\(line)"
        default: return file
        }
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        if let a = lhs.cell.map(CellOrder.init), let b = rhs.cell.map(CellOrder.init) { return a < b }
        return (lhs.line ?? 0, lhs.column ?? 0, lhs.cell ?? "") < (
            rhs.line ?? 0, rhs.column ?? 0, rhs.cell ?? ""
        )
    }
}

/// Spreadsheet cells in reading order: by sheet, then row, then column (`A9` before `A10`, `Z` before
/// `AA`), as a CSV's line and column would sort.
private struct CellOrder: Comparable {
    var sheet: String
    var row: Int
    var column: Int

    init(_ reference: String) {
        let bang = reference.lastIndex(of: "!")
        sheet = bang.map { String(reference[..<$0]) } ?? ""
        let cell = bang.map { reference[reference.index(after: $0)...] } ?? reference[...]
        column = cell.prefix { $0.isLetter }.reduce(0) { $0 * 26 + Int($1.asciiValue ?? 64) - 64 }
        row = Int(cell.drop { $0.isLetter }) ?? 0
    }

    static func < (a: CellOrder, b: CellOrder) -> Bool {
        (a.sheet, a.row, a.column) < (b.sheet, b.row, b.column)
    }
}

/// A failure that carries every diagnostic found, so that one run reports all problems at once.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

extension Array where Element == Diagnostic {
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Diagnostics in reading order: by file, then line, then column; stable for equal places.
    public func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { a, b in
            if a.element.location != b.element.location { return a.element.location < b.element.location }
            return a.offset < b.offset
        }.map(\.element)
    }
}
