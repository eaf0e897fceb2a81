import ScopeDiagnostics
import XCTest

@testable import ScopeRender

final class TemplateRendererTests: XCTestCase {
    private func render(
        _ templates: [String: String], _ context: TemplateContext
    ) -> Result<String, DiagnosticsError> {
        TemplateRenderer(templates: templates, displayDirectory: "templates").render(
            "report.md", context: context)
    }

    func testValuesAreEscapedForMarkdownAndBlocksAreNot() throws {
        let context = TemplateContext([
            "title": .text("<script>x</script> | *y*"), "table": .markdown("| a |\n| --- |\n"),
        ])
        XCTAssertEqual(
            try render(["report.md": "# {{title}}\n\n{{table}}"], context).get(),
            "# \\<script\\>x\\</script\\> \\| \\*y\\*\n\n| a |\n| --- |\n")
    }

    func testSectionsInvertedSectionsPartialsAndStandaloneLines() throws {
        let context = TemplateContext([
            "items": .list([TemplateContext(["name": .text("a")]), TemplateContext(["name": .text("b")])]),
            "empty": .list([]), "note": .text(""), "flag": .flag(true), "outer": .text("o"),
        ])
        let template = """
            {{! a comment line disappears }}
            {{#items}}
            - {{name}} ({{outer}})
            {{/items}}
            {{^empty}}
            nothing
            {{/empty}}
            {{#note}}never{{/note}}{{^note}}no note{{/note}}
            {{#flag}}
            {{> part}}
            {{/flag}}
            """
        XCTAssertEqual(
            try render(["report.md": template, "partials/part.md": "from a partial\n"], context).get(),
            "- a (o)\n- b (o)\nnothing\nno note\nfrom a partial\n")
    }

    /// A template saved with Windows line ends (CRLF): its standalone lines go like LF ones, and errors
    /// point at the right line. They used to be read as one long line, since Swift sees "\r\n" as one
    /// character, not as "\n".
    func testWindowsLineEndsCountAsLineBreaks() throws {
        let context = TemplateContext(["items": .list([TemplateContext(["name": .text("a")])])])
        XCTAssertEqual(
            try render(["report.md": "# T\r\n{{#items}}\r\n- {{name}}\r\n{{/items}}\r\nend\r\n"], context)
                .get(),
            "# T\r\n- a\r\nend\r\n")
        guard case .failure(let error) = render(["report.md": "# T\r\n\r\nsee {{nope}}\r\n"], context) else {
            return XCTFail("an unknown placeholder must fail")
        }
        XCTAssertEqual(
            error.diagnostics.map(\.description),
            [
                "templates/report.md:3:5: error: unknown placeholder {{nope}} (`scopereport placeholders` lists every name)"
            ])
    }

    func testUnknownPlaceholdersAreErrorsAtTheirPlace() {
        let context = TemplateContext(["studies.count": .text("40")])
        let template = "# Title\n\nWe found {{studies.cont}} studies and {{nothing_like_it}}.\n{{#open}}\n"
        guard case .failure(let error) = render(["report.md": template], context) else {
            return XCTFail("an unknown placeholder must fail")
        }
        XCTAssertEqual(
            error.diagnostics.map(\.description),
            [
                "templates/report.md:3:10: error: unknown placeholder {{studies.cont}}; did you mean {{studies.count}}?",
                "templates/report.md:3:39: error: unknown placeholder {{nothing_like_it}} (`scopereport placeholders` lists every name)",
                "templates/report.md:4:1: error: {{#open}} is never closed by {{/open}}",
                "templates/report.md:4:1: error: unknown placeholder {{open}} (`scopereport placeholders` lists every name)",
            ])
    }

    func testPartialsCannotLeaveTheFolderOrRecurseForever() {
        guard
            case .failure(let error) = render(
                ["report.md": "{{> ../../etc/passwd}}\n{{> loop}}\n", "partials/loop.md": "{{> loop}}"],
                TemplateContext())
        else {
            return XCTFail("must fail")
        }
        let lines = error.diagnostics.map(\.description)
        XCTAssertTrue(
            lines.contains {
                $0.hasPrefix(
                    "templates/report.md:1:1: error: partial '../../etc/passwd' must be a name inside")
            }, "\(lines)")
        XCTAssertTrue(lines.contains { $0.contains("partials nest deeper than 16 levels") }, "\(lines)")
    }

    func testUnescapedPlaceholdersAreRefused() {
        guard
            case .failure(let error) = render(
                ["report.md": "{{{raw}}}"], TemplateContext(["raw": .text("x")]))
        else {
            return XCTFail("must fail")
        }
        XCTAssertEqual(
            error.diagnostics.first?.description,
            "templates/report.md:1:1: error: unescaped placeholders ({{{…}}} and {{&…}}) are not supported: every value is escaped"
        )
    }
}
