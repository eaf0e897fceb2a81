import ScopeDiagnostics
import XCTest

@testable import ScopeRender

/// Templates that would crash, hang or take minutes are errors, or take time in proportion to their size.
final class TemplateLimitsTests: XCTestCase {
    private func render(
        _ templates: [String: String], _ context: TemplateContext = TemplateContext()
    ) -> Result<String, DiagnosticsError> {
        TemplateRenderer(templates: templates, displayDirectory: "templates").render(
            "report.md", context: context)
    }

    private func errors(
        _ templates: [String: String], _ context: TemplateContext = TemplateContext()
    ) -> [String] {
        guard case .failure(let error) = render(templates, context) else {
            XCTFail("the render must fail")
            return []
        }
        return error.diagnostics.map(\.description)
    }

    /// The column of a tag used to be counted from the start of its line for every tag: a line of 50,000
    /// placeholders took minutes.
    func testALongLineOfPlaceholdersIsReadOnce() {
        let context = TemplateContext(["n": .text("1")])
        let template = String(repeating: "{{n}}", count: 50_000) + "é{{nope}}"
        XCTAssertEqual(
            errors(["report.md": template], context),
            [
                "templates/report.md:1:250002: error: unknown placeholder {{nope}} (results.json lists the value names)"
            ])
        XCTAssertEqual(
            errors(["report.md": "é{{n}} ü{{n}}{{nope}}"], context),
            [
                "templates/report.md:1:14: error: unknown placeholder {{nope}} (results.json lists the value names)"
            ])
    }
}
