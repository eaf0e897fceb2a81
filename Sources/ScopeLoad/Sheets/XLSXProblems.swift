import ScopeDiagnostics

/// Makes the reader's errors, all located in the workbook as the user named it, and at a cell
/// (`Extraction!G14`) when there is one.
struct XLSXProblems {
    let displayPath: String

    func error(_ message: String, cell: String? = nil) -> DiagnosticsError {
        DiagnosticsError([.error(message, at: location(cell: cell))])
    }

    func location(cell: String?) -> SourceLocation {
        SourceLocation(file: displayPath, cell: cell)
    }
}
