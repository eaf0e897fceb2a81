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
                "templates/report.md:1:250002: error: unknown placeholder {{nope}} (`scopereport placeholders` lists every name)"
            ])
        XCTAssertEqual(
            errors(["report.md": "é{{n}} ü{{n}}{{nope}}"], context),
            [
                "templates/report.md:1:14: error: unknown placeholder {{nope}} (`scopereport placeholders` lists every name)"
            ])
    }

    /// 8,000 nested sections overflowed the stack (exit 139).
    func testSectionsNestedThousandsDeepAreOneError() {
        let template =
            "a\n" + String(repeating: "{{#flag}}", count: 8_000)
            + String(repeating: "{{/flag}}", count: 8_000)
        XCTAssertEqual(
            errors(["report.md": template], TemplateContext(["flag": .flag(true)])),
            [
                "templates/report.md:2:901: error: sections nest deeper than 100 levels here; the rest of this "
                    + "template is not read"
            ])
        let fine =
            String(repeating: "{{#flag}}", count: 100) + "x" + String(repeating: "{{/flag}}", count: 100)
        XCTAssertEqual(try render(["report.md": fine], TemplateContext(["flag": .flag(true)])).get(), "x")
    }

    /// Fifteen partials, each including the next ten times, stay within the partials' depth limit but
    /// make 10¹⁵ includes: the render used to run for ever.
    func testPartialsIncludingEachOtherManyTimesStop() {
        var templates = ["report.md": String(repeating: "{{> p1}}", count: 10)]
        for level in 1..<15 {
            templates["partials/p\(level).md"] = String(repeating: "{{> p\(level + 1)}}", count: 10)
        }
        templates["partials/p15.md"] = "x"
        XCTAssertEqual(
            errors(templates),
            [
                "templates/report.md:1:1: error: {{> p1}} would make the render include partials more than 1000000 "
                    + "times; partials that include each other many times over would never finish"
            ])
        // A partial included once for each of many items counts each include.
        var renderer = TemplateRenderer(
            templates: [
                "report.md": "{{#items}}{{> item}}{{/items}}", "partials/item.md": "{{> leaf}}",
                "partials/leaf.md": "x",
            ],
            displayDirectory: "templates")
        let items = TemplateValue.list((0..<10).map { _ in TemplateContext() })
        renderer.maxIncludes = 20
        XCTAssertEqual(
            try renderer.render("report.md", context: TemplateContext(["items": items])).get(),
            String(repeating: "x", count: 10))
        renderer.maxIncludes = 19
        guard
            case .failure(let error) = renderer.render(
                "report.md", context: TemplateContext(["items": items]))
        else {
            return XCTFail("the render must stop")
        }
        XCTAssertEqual(
            error.diagnostics.map(\.description),
            [
                "templates/report.md:1:11: error: {{> item}} would make the render include partials more than 19 "
                    + "times; partials that include each other many times over would never finish"
            ])
    }

    /// Nested sections over a list used to report the repetition limit millions of times over.
    func testTheRepetitionLimitEndsTheRender() {
        let items = TemplateValue.list((0..<8).map { _ in TemplateContext() })
        let template = String(repeating: "{{#items}}", count: 90) + String(repeating: "{{/items}}", count: 90)
        var renderer = TemplateRenderer(templates: ["report.md": template], displayDirectory: "templates")
        renderer.maxRepetitions = 1_000
        guard
            case .failure(let error) = renderer.render(
                "report.md", context: TemplateContext(["items": items]))
        else { return XCTFail("the render must stop") }
        XCTAssertEqual(
            error.diagnostics.map(\.description),
            [
                "templates/report.md:1:31: error: {{#items}} would repeat its body more than 1000 times, counting "
                    + "the sections around it; sections over long lists are nested too deep"
            ])
    }

    /// Each unknown placeholder searched every known name for a suggestion: 4,000 took 23 s.
    func testThousandsOfUnknownPlaceholdersAreEachReported() {
        let names = Dictionary(
            uniqueKeysWithValues: (0..<3_000).map { ("unknown.thing\($0)x", TemplateValue.text("1")) })
        let template = (0..<4_000).map { "{{unknown.thing\($0)}}" }.joined(separator: "\n")
        let reported = errors(["report.md": template], TemplateContext(names))
        XCTAssertEqual(reported.count, 4_000)
        XCTAssertTrue(reported[0].contains("did you mean"), reported[0])
        XCTAssertEqual(
            reported[3_999], "templates/report.md:4000:1: error: unknown placeholder {{unknown.thing3999}}")
    }

    /// Before the first good build there is no results.json to look names up in: an unknown name that
    /// is no typo of a known one is told the names beside it.
    func testAnUnknownPlaceholderNamesTheNamesBesideIt() {
        let context = TemplateContext([
            "figures.countries": .markdown("<svg/>"), "figures.countries.number": .text("1"),
            "figures.prisma": .markdown("<svg/>"), "studies.count": .text("6"),
        ])
        XCTAssertEqual(
            errors(
                ["report.md": "{{figures.flow-diagram}} {{figures.flow.number}} {{nothing.here}}"], context),
            [
                "templates/report.md:1:1: error: unknown placeholder {{figures.flow-diagram}}; the names there are "
                    + "{{figures.countries}}, {{figures.prisma}}",
                "templates/report.md:1:26: error: unknown placeholder {{figures.flow.number}}; the names there are "
                    + "{{figures.countries}}, {{figures.prisma}}",
                "templates/report.md:1:50: error: unknown placeholder {{nothing.here}} (`scopereport placeholders` lists every name)",
            ])
    }
}
