import Foundation
import ScopeDiagnostics

/// Everything the tool says goes to stderr, so stdout stays free for `--format json` and pipes.
enum Console {
    static func error(_ line: String) { write(line) }

    static func print(diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { write(diagnostic.description) }
    }

    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// "1 error", "3 warnings".
    static func count(_ n: Int, _ noun: String) -> String { Wording.count(n, noun) }
}
