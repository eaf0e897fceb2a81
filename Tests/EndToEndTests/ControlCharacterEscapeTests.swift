import ScopeDiagnostics
import XCTest

/// What a printed diagnostic shows of the control characters its message quotes from the data.
final class ControlCharacterEscapeTests: XCTestCase {
    func testADiagnosticShowsControlCharactersEscapedOnOneLine() {
        let diagnostic = Diagnostic.error(
            "unknown column '\u{1B}[2J\tx\ny\r\u{0}\u{7F}\u{9B}'",
            at: SourceLocation(file: "a.csv", line: 1, column: 2))
        XCTAssertEqual(
            diagnostic.description, #"a.csv:1:2: error: unknown column '\u{1B}[2J\tx\ny\r\u{0}\u{7F}\u{9B}'"#)
    }

    func testBidiControlsAreEscapedAndOtherTextIsLeftAlone() {
        XCTAssertEqual(
            ControlCharacters.escaped("a\u{202E}b\u{2066}c\u{2069} é ✓ \\u{41}"),
            #"a\u{202E}b\u{2066}c\u{2069} é ✓ \u{41}"#)
        XCTAssertEqual(
            ControlCharacters.escaped("one\ntwo\u{1B}", keepingLineBreaks: true), "one\ntwo\\u{1B}")
    }
}
