import ScopeDiagnostics
import XCTest

@testable import ScopeRender

/// Templates that made the renderer misbehave under the fuzz target in Fuzz/ (`make fuzz`), kept so
/// that the problem cannot return.
final class FuzzRegressionTests: XCTestCase {
    private let pair = TemplateContext([
        "items": .list([TemplateContext(["n": .text("a")]), TemplateContext(["n": .text("b")])])
    ])

    /// FuzzTemplateRenderer: twelve `{{#studies}}` nested in one another over a two-item list took 3 s
    /// (2¹² repetitions); each further level doubled it, so a short template could hang a build forever.
    /// The product of the list lengths around a section is now limited, and the section past it is an
    /// error at its place.
    func testNestedSectionsStopAtTheRepetitionLimit() {
        let template =
            String(repeating: "{{#items}}", count: 40) + "{{n}}"
            + String(repeating: "{{/items}}", count: 40)
        var renderer = TemplateRenderer(templates: ["report.md": template], displayDirectory: "templates")
        renderer.maxRepetitions = 1_000
        guard case .failure(let error) = renderer.render("report.md", context: pair) else {
            return XCTFail("40 nested sections over two items rendered without an error")
        }
        // 2⁹ = 512 repetitions are allowed, 2¹⁰ = 1024 are not: the tenth section (column 91) is refused.
        XCTAssertEqual(
            error.diagnostics.map(\.description),
            [
                "templates/report.md:1:91: error: {{#items}} would repeat its body more than 1000 times, "
                    + "counting the sections around it; sections over long lists are nested too deep"
            ])
    }

    func testNestingWithinTheLimitRendersEveryRepetition() throws {
        let template = "{{#items}}{{#items}}{{n}}{{/items}}{{/items}}"
        var renderer = TemplateRenderer(templates: ["report.md": template], displayDirectory: "templates")
        renderer.maxRepetitions = 4
        XCTAssertEqual(try renderer.render("report.md", context: pair).get(), "abab")
    }
}
