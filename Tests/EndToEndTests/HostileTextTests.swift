import Foundation
import XCTest

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The XSS corpus: hostile strings in every text column, a category, the title, a DOI and a URL
/// column must reach HTML, SVG, Markdown and LaTeX as inert text; links are https only.
final class HostileTextTests: XCTestCase {
    static let hostile = [
        "<script>alert(1)</script> | *x* _y_",
        "<img src=x onerror=alert(1)>",
        "\" onmouseover=\"alert(1)",
        "<svg onload=alert(1)><circle r='9'/></svg>",
        "[click](javascript:alert(1))",
        "![pixel](https://evil.example/x.png)",
        "\\input{/etc/passwd} $x$ % & # _ ^ ~",
        "<a href=\"javascript:alert(1)\">x</a>",
        "]]><!-- --> <![CDATA[ x ]]>",
        "&lt;b&gt; &amp; &#60;script&#62;",
    ]

    func testHostileTextStaysTextInEveryOutput() throws {
        let folder = try temporaryFolder(self)
        try writeReview(to: folder)
        let run = try ScopeReportRun.run(["build"], in: folder)
        XCTAssertEqual(run.status, 0, run.stderr)
        let out = try snapshot(folder.appendingPathComponent("_report"))
        let html = String(decoding: out["index.html"]!, as: UTF8.self)

        // The page template's own script (the sortable tables) follows the footer; the report
        // itself, made from the data, holds none.
        let article =
            try XCTUnwrap(html.range(of: "<article>"))
            .upperBound..<XCTUnwrap(html.range(of: "</article>")).lowerBound
        XCTAssertNil(
            html[article].range(of: "<script", options: .caseInsensitive), "no script element in the report")
        XCTAssertEqual(
            html.components(separatedBy: "<script").count - 1, 1, "only the page template's script")
        XCTAssertNil(
            html.range(of: "<img", options: .caseInsensitive), "no img element (figures are inline SVG)")
        XCTAssertNil(
            html.range(of: #"<[^>]*\son[a-z]+\s*="#, options: [.regularExpression, .caseInsensitive]),
            "no event-handler attribute in any tag")
        XCTAssertNil(html.range(of: "<iframe", options: .caseInsensitive))
        for match in matches(of: #"href="([^"]*)""#, in: html) {
            // `data:,` is the page's own empty favicon, which spares the browser a failed request.
            XCTAssertTrue(
                match.hasPrefix("https://") || match.hasPrefix("#") || match == "data:,",
                "unsafe link \(match)")
        }
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the title shows literally")
        XCTAssertTrue(html.contains("https://ok.example.org/a_b"), "an https URL is linked")
        XCTAssertFalse(html.contains("href=\"http://plain.example.org"), "an http URL is shown, not linked")

        for (name, bytes) in out where name.hasSuffix(".svg") {
            let svg = String(decoding: bytes, as: UTF8.self)
            XCTAssertTrue(XMLParser(data: bytes).parse(), "\(name) is well-formed XML")
            XCTAssertNil(svg.range(of: "<script", options: .caseInsensitive), name)
            XCTAssertNil(
                svg.range(of: #"\son[a-z]+\s*="#, options: [.regularExpression, .caseInsensitive]), name)
            XCTAssertNil(svg.range(of: "<circle r='9'"), name)
        }

        let markdown = String(decoding: out["report.md"]!, as: UTF8.self)
        XCTAssertTrue(markdown.contains(#"\<script\>alert(1)\</script\> \| \*x\* \_y\_"#), "Markdown escapes")
        XCTAssertTrue(
            markdown.contains(#"\[click\](javascript\:alert(1))"#), "no Markdown link to javascript:")

        let latex = String(decoding: out["tables/studies.tex"]!, as: UTF8.self)
        XCTAssertTrue(
            latex.contains(
                ##"\textbackslash{}input\{/etc/passwd\} \$x\$ \% \& \# \_ \textasciicircum{} \textasciitilde{}"##
            ), latex)
        XCTAssertFalse(latex.contains(#"\input{"#))

        let csv = String(decoding: out["tables/studies.csv"]!, as: UTF8.self)
        XCTAssertTrue(
            csv.contains(#""<a href=""javascript:alert(1)"">x</a>""#), "CSV quotes, doubling quotes")
    }

    func testAJavascriptURLIsRefusedAtLoad() throws {
        let folder = try temporaryFolder(self)
        try writeReview(to: folder, url: "javascript:alert(1)")
        let run = try ScopeReportRun.run(["validate"], in: folder)
        XCTAssertEqual(run.status, 65)
        XCTAssertTrue(
            run.stderr.contains(
                "review-data/studies.csv:2:7: error: url: \"javascript:alert(1)\" is refused"),
            run.stderr)
    }

    private func writeReview(to folder: URL, url: String = "https://ok.example.org/a_b") throws {
        let data = folder.appendingPathComponent("review-data")
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let category = #"<b>&"'"#
        let config = """
            metadata:
              title: '<script>alert(1)</script> | *x* _y_'
            sheet: {file: studies.csv, id: id}
            columns:
              id: {type: text, required: true}
              title: {type: text, label: '<i>Title</i>'}
              journal: text
              notes: text
              kind: {type: category, values: ['\(category.replacingOccurrences(of: "'", with: "''"))', plain]}
              doi: doi
              url: url
              n: integer
            synthesis:
              frequencies: [{id: kinds, column: kind, title: '<script>kinds</script>'}]
              figures:
                - {id: kinds, kind: hbars, source: kinds, caption: '<img src=x onerror=alert(1)>'}
                - {id: kinds-bars, kind: bars, source: kinds, caption: kinds}
              study_table: {columns: [id, title, journal, notes, kind, n], link: doi}
            """
        try config.write(to: data.appendingPathComponent("review.yaml"), atomically: true, encoding: .utf8)
        var rows = ["id,title,journal,notes,kind,doi,url,n"]
        for (index, text) in Self.hostile.enumerated() {
            let quoted = "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            let doi = index == 0 ? "\"10.1000/\"\"><script>x\"" : "10.1000/ok.\(index)"
            let link = index == 0 ? url : (index == 1 ? "http://plain.example.org" : "")
            let kind =
                index % 2 == 0 ? "\"\(category.replacingOccurrences(of: "\"", with: "\"\""))\"" : "plain"
            rows.append("S\(index),\(quoted),\(quoted),\(quoted),\(kind),\(doi),\(link),\(index * 10)")
        }
        try (rows.joined(separator: "\n") + "\n").write(
            to: data.appendingPathComponent("studies.csv"), atomically: true, encoding: .utf8)
        let report = """
            # {{metadata.title}}

            {{#studies}}
            - {{title}} — {{journal}} — {{notes}} — {{doi.link}} — {{url.link}}
            {{/studies}}

            {{figures.kinds}}

            {{figures.kinds-bars}}

            {{tables.kinds}}

            {{tables.studies}}
            """
        try report.write(to: templates.appendingPathComponent("report.md"), atomically: true, encoding: .utf8)
        for name in ["page.html", "style.css"] {
            try FileManager.default.copyItem(
                at: ScopeReportRun.repository.appendingPathComponent("templates/\(name)"),
                to: templates.appendingPathComponent(name))
        }
    }

    private func matches(of pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
