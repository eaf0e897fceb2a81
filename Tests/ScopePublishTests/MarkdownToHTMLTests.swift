import XCTest

@testable import ScopePublish

/// cmark-gfm with the GFM extensions and raw HTML off: the whole rendering of a small document.
final class MarkdownToHTMLTests: XCTestCase {
    func testExtensionsOnRawHTMLOff() {
        let markdown = """
            ## Results & more

            | a | b |
            | --- | ---: |
            | x | 1 |

            ~~gone~~ https://example.org <script>alert(1)</script>

            <div onclick="x">block</div>
            """
        let (html, headings) = MarkdownToHTML.render(markdown)
        XCTAssertEqual(
            html,
            """
            <h2>Results &amp; more</h2>
            <table>
            <thead>
            <tr>
            <th>a</th>
            <th align="right">b</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>x</td>
            <td align="right">1</td>
            </tr>
            </tbody>
            </table>
            <p><del>gone</del> <a href="https://example.org">https://example.org</a> <!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted --></p>
            <!-- raw HTML omitted -->

            """)
        XCTAssertEqual(headings, [.init(level: 2, text: "Results & more")])
    }

    func testHeadingAnchorsAndTableOfContents() {
        let anchors = HeadingAnchors([
            .init(level: 1, text: "Title"), .init(level: 2, text: "Search and selection"),
            .init(level: 3, text: "Données & co."), .init(level: 2, text: "Search and selection"),
        ])
        XCTAssertEqual(
            anchors.entries.map(\.id),
            ["title", "search-and-selection", "données-co", "search-and-selection-2"])
        XCTAssertEqual(
            anchors.addIDs(to: "<h1>Title</h1>\n<h2>S</h2>\n<h3>D</h3>\n<h2>S</h2>"),
            "<h1 id=\"title\">Title</h1>\n<h2 id=\"search-and-selection\">S</h2>\n<h3 id=\"données-co\">D</h3>\n"
                + "<h2 id=\"search-and-selection-2\">S</h2>")
        XCTAssertEqual(
            anchors.tableOfContents(),
            """
            <ol>
            <li><a href="#search-and-selection">Search and selection</a>
            <ol>
            <li><a href="#données-co">Données &amp; co.</a></li>
            </ol></li>
            <li><a href="#search-and-selection-2">Search and selection</a>
            </li>
            </ol>
            """)
    }

    func testFiguresAreInlinedAndOnlyOurOwn() throws {
        let page = HTMLPage(template: "{{title}}|{{style}}|{{toc}}|{{content}}|{{footer}}", style: "s")
        let html = try page.render(
            title: "T<", markdown: "![Figure 1. A & B](figures/one.svg)\n\n![x](figures/unknown.svg)\n",
            figures: ["one": "<?xml version=\"1.0\"?>\n<svg id=\"one\"/>\n"], footer: "f")
        XCTAssertTrue(html.hasPrefix("T&lt;|s|<ol>\n</ol>|"), html)
        XCTAssertTrue(
            html.contains(
                "<figure id=\"figure-one\">\n<svg id=\"one\"/>\n<figcaption>Figure 1. A &amp; B</figcaption>\n</figure>"
            ),
            html)
        XCTAssertFalse(html.contains("<?xml"))
        XCTAssertTrue(
            html.contains("<img src=\"figures/unknown.svg\""), "an unknown figure is left as it was")
    }

    func testAPageTemplateWithoutAPlaceholderIsAnError() {
        let page = HTMLPage(template: "{{title}}{{style}}{{toc}}{{footer}}", style: "")
        XCTAssertThrowsError(try page.render(title: "", markdown: "", figures: [:], footer: "")) { error in
            XCTAssertEqual("\(error)", "the page template lacks the placeholder {{content}}")
        }
    }
}
