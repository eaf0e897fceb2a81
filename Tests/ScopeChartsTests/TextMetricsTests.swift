import XCTest

@testable import ScopeCharts

/// Expected advances (font units of 2048 per em) were read from the TTFs with an independent tool
/// run; at a font size of 2048 px one unit is one pixel.
final class TextMetricsTests: XCTestCase {
    func testRegularAdvancesMatchDejaVuSans() {
        XCTAssertEqual(TextMetrics.width(of: "A", fontSize: 2048), 1401, accuracy: 1e-9)
        XCTAssertEqual(TextMetrics.width(of: " ", fontSize: 2048), 651, accuracy: 1e-9)
        XCTAssertEqual(
            TextMetrics.width(of: "x…ρ≤Ł", fontSize: 2048), 1212 + 2048 + 1300 + 1716 + 1151, accuracy: 1e-9)
    }

    func testBoldAdvancesMatchDejaVuSansBold() {
        XCTAssertEqual(
            TextMetrics.width(of: "A x", fontSize: 2048, bold: true), 1585 + 713 + 1321, accuracy: 1e-9)
        XCTAssertEqual(TextMetrics.width(of: "ρŁ", fontSize: 2048, bold: true), 1466 + 1315, accuracy: 1e-9)
    }

    func testWidthScalesWithFontSizeAndUnknownCharactersUseFallback() {
        XCTAssertEqual(TextMetrics.width(of: "A", fontSize: 10), 1401.0 / 2048 * 10, accuracy: 1e-9)
        XCTAssertEqual(TextMetrics.width(of: "漢", fontSize: 10), 10, accuracy: 1e-9)
        XCTAssertEqual(
            TextMetrics.width(of: "e\u{301}", fontSize: 10), TextMetrics.width(of: "e", fontSize: 10))
    }

    func testWrapKeepsWordsTogetherAndRespectsWidth() {
        let lines = TextMetrics.wrap("Support vector machine with radial kernel", maxWidth: 120, fontSize: 12)
        XCTAssertEqual(lines, ["Support vector", "machine with radial", "kernel"])
        XCTAssertTrue(lines.allSatisfy { TextMetrics.width(of: $0, fontSize: 12) <= 120 })
    }

    func testWrapEndsTheLastAllowedLineWithAnEllipsis() {
        let lines = TextMetrics.wrap("one two three four five six", maxWidth: 60, fontSize: 12, maxLines: 2)
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines[1].hasSuffix("…"))
        XCTAssertTrue(lines.allSatisfy { TextMetrics.width(of: $0, fontSize: 12) <= 60 })
    }

    func testWrapWithoutBreakingWordsShortensALongWord() {
        XCTAssertEqual(
            TextMetrics.wrap("Classification task", maxWidth: 60, fontSize: 12, breakWords: false),
            [TextMetrics.truncate("Classification", maxWidth: 60, fontSize: 12), "task"])
    }

    func testTruncateFitsAndKeepsShortText() {
        XCTAssertEqual(TextMetrics.truncate("Short", maxWidth: 100, fontSize: 12), "Short")
        let shortened = TextMetrics.truncate("A rather long label for a bar", maxWidth: 80, fontSize: 12)
        XCTAssertTrue(shortened.hasSuffix("…"))
        XCTAssertLessThanOrEqual(TextMetrics.width(of: shortened, fontSize: 12), 80)
        XCTAssertEqual(TextMetrics.truncate("Anything", maxWidth: 1, fontSize: 12), "…")
    }

    func testWordBoundaryWrapBreaksAfterHyphensButNeverInsideAWord() {
        let font = 18.0
        let response = TextMetrics.wrapAtWordBoundaries(
            "treatment-response", maxWidth: TextMetrics.width(of: "treatment-", fontSize: font),
            fontSize: font)
        XCTAssertEqual(
            response, TextMetrics.WrappedText(lines: ["treatment-", "response"], isComplete: true))
        let slides = TextMetrics.wrapAtWordBoundaries(
            "Whole-slide histopathology images",
            maxWidth: TextMetrics.width(of: "histopathology", fontSize: font), fontSize: font)
        XCTAssertEqual(slides.lines, ["Whole-slide", "histopathology", "images"])
        XCTAssertTrue(slides.isComplete)
        // Hyphens that do not join two letters are not break points.
        XCTAssertEqual(
            TextMetrics.wrapAtWordBoundaries("-5 x- a-1", maxWidth: 1, fontSize: font).lines.count, 3)
    }

    func testWordBoundaryWrapShortensOnlyAWordWiderThanTheLine() {
        let font = 18.0
        let narrow = TextMetrics.width(of: "histopath", fontSize: font)
        let wrapped = TextMetrics.wrapAtWordBoundaries(
            "histopathology of CT", maxWidth: narrow, fontSize: font)
        XCTAssertFalse(wrapped.isComplete)
        XCTAssertEqual(wrapped.lines.count, 2)
        XCTAssertTrue(wrapped.lines[0].hasSuffix("…"))
        XCTAssertEqual(wrapped.lines[1], "of CT")
        XCTAssertTrue(wrapped.lines.allSatisfy { TextMetrics.width(of: $0, fontSize: font) <= narrow })
    }

    func testWordBoundaryWrapEndsTheLastAllowedLineWithAnEllipsis() {
        let wrapped = TextMetrics.wrapAtWordBoundaries(
            "one two three four five six", maxWidth: 60, fontSize: 12, maxLines: 2)
        XCTAssertFalse(wrapped.isComplete)
        XCTAssertEqual(wrapped.lines.count, 2)
        XCTAssertTrue(wrapped.lines[1].hasSuffix("…"))
        XCTAssertTrue(wrapped.lines.allSatisfy { TextMetrics.width(of: $0, fontSize: 12) <= 60 })
        XCTAssertEqual(
            TextMetrics.wrapAtWordBoundaries("  ", maxWidth: 60, fontSize: 12),
            TextMetrics.WrappedText(lines: [], isComplete: true))
    }
}
