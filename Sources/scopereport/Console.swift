import Foundation
import ScopeDiagnostics

/// Everything the tool says goes to stderr, so stdout stays free for `--format json` and pipes.
enum Console {
    static func error(_ line: String) { write(line) }

    static func print(diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { write(diagnostic.description) }
    }

    /// `line` may hold several lines; any other control character in it (from a path, a subprocess)
    /// is shown escaped, as diagnostics show theirs, so that nothing printed can drive the terminal.
    static func write(_ line: String) {
        let shown = ControlCharacters.escaped(line, keepingLineBreaks: true)
        FileHandle.standardError.write(Data((shown + "\n").utf8))
    }

    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// "1 error", "3 warnings".
    static func count(_ n: Int, _ noun: String) -> String { Wording.count(n, noun) }
}
