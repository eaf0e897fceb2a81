import XCTest

@testable import ScopeCharts

final class SVGWriterTests: XCTestCase {
    func testTextAndAttributesAreEscaped() {
        let node = SVGNode.element("text", [SVGAttribute("data-x", "<b>&\"'")], text: "<b>&\"'")
        XCTAssertEqual(node.render(), "<text data-x=\"&lt;b&gt;&amp;&quot;&#39;\">&lt;b&gt;&amp;\"'</text>\n")
    }

    func testCharactersXMLForbidsAreDroppedAndLineBreaksKeptAsReferences() {
        XCTAssertEqual(SVGEscaping.text("a\u{0}b\u{1F}c\nd"), "abc&#10;d")
    }

    func testOneElementPerLineWithAttributesInGivenOrder() {
        let node = SVGNode.element(
            "g", [SVGAttribute("z", 1), SVGAttribute("a", 2)],
            [
                .element("rect", [SVGAttribute("y", 0.5), SVGAttribute("x", 1.25)]),
                .fragment([.element("circle", [])]),
            ])
        XCTAssertEqual(
            node.render(), "<g z=\"1\" a=\"2\">\n  <rect y=\"0.5\" x=\"1.25\"/>\n  <circle/>\n</g>\n")
    }

    func testNumbersHaveAtMostTwoDecimalsAndNoNegativeZero() {
        XCTAssertEqual(SVGNumber.format(0), "0")
        XCTAssertEqual(SVGNumber.format(-0.004), "0")
        XCTAssertEqual(SVGNumber.format(-0.0), "0")
        XCTAssertEqual(SVGNumber.format(1.5), "1.5")
        XCTAssertEqual(SVGNumber.format(2.255), "2.26")
        XCTAssertEqual(SVGNumber.format(-3.1), "-3.1")
        XCTAssertEqual(SVGNumber.format(0.05), "0.05")
        XCTAssertEqual(SVGNumber.format(1000), "1000")
        XCTAssertEqual(SVGNumber.format(12_345.678), "12345.68")
        XCTAssertEqual(SVGNumber.format(.nan), "0")
    }

    func testMixedContentStaysOnOneLine() {
        let node = SVGNode.element(
            "text", [], [.element("title", [], text: "Full label"), .text("Full…")])
        XCTAssertEqual(node.render(), "<text><title>Full label</title>Full…</text>\n")
    }
}
