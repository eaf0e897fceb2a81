import Foundation

/// Assembles the single, self-contained `index.html`: the page template with the stylesheet inline, a
/// table of contents, heading anchors, and every figure's SVG inline so the page opens offline, from
/// `file://` or under any sub-path.
public struct HTMLPage: Sendable {
    /// `templates/page.html`, with `{{title}}`, `{{style}}`, `{{toc}}`, `{{content}}` and `{{footer}}`.
    public var template: String
    public var style: String

    public init(template: String, style: String) {
        self.template = template
        self.style = style
    }

    public struct Missing: Error, CustomStringConvertible {
        public var placeholder: String
        public var description: String { "the page template lacks the placeholder {{\(placeholder)}}" }
    }

    /// - Parameters:
    ///   - markdown: the assembled report; figures appear in it as images `![caption](figures/NAME.svg)`.
    ///   - figures: NAME → SVG text of our own charts, the only markup that is inserted verbatim.
    public func render(title: String, markdown: String, figures: [String: String], footer: String) throws -> String {
        for placeholder in ["title", "style", "toc", "content", "footer"] where !template.contains("{{\(placeholder)}}") {
            throw Missing(placeholder: placeholder)
        }
        let (body, headings) = MarkdownToHTML.render(markdown)
        let anchors = HeadingAnchors(headings)
        let content = Self.focusableTables(inlineFigures(in: anchors.addIDs(to: body), figures: figures))
        return
            template
            .replacingPlaceholder("title", with: HTMLText.escape(title))
            .replacingPlaceholder("style", with: style)
            .replacingPlaceholder("toc", with: anchors.tableOfContents())
            .replacingPlaceholder("footer", with: HTMLText.escape(footer))
            .replacingPlaceholder("content", with: content)
    }

    /// cmark renders a figure paragraph as `<p><img src="figures/NAME.svg" alt="CAPTION" /></p>`; that
    /// becomes `<figure>` with the SVG inline and the (already escaped) caption.
    func inlineFigures(in html: String, figures: [String: String]) -> String {
        var output = ""
        output.reserveCapacity(html.utf8.count + figures.values.reduce(0) { $0 + $1.utf8.count })
        var rest = Substring(html)
        let opening = "<p><img src=\"figures/"
        while let start = rest.range(of: opening) {
            output += rest[..<start.lowerBound]
            let afterSource = rest[start.upperBound...]
            guard let nameEnd = afterSource.range(of: ".svg\" alt=\""),
                let altEnd = afterSource[nameEnd.upperBound...].range(of: "\" />"),
                afterSource[altEnd.upperBound...].hasPrefix("</p>"),
                let svg = figures[String(afterSource[..<nameEnd.lowerBound])]
            else {
                output += opening
                rest = afterSource
                continue
            }
            let name = String(afterSource[..<nameEnd.lowerBound])
            let caption = afterSource[nameEnd.upperBound..<altEnd.lowerBound]
            output += "<figure id=\"figure-\(HTMLText.escape(name))\">\n"
            output += Self.stripXMLDeclaration(svg)
            output += "<figcaption>\(caption)</figcaption>\n</figure>"
            rest = afterSource[altEnd.upperBound...].dropFirst("</p>".count)
        }
        output += rest
        return output
    }

    /// Wide tables scroll inside their own box; `tabindex="0"` lets keyboard users reach and scroll
    /// them (WCAG's "scrollable region must be focusable"). cmark writes every table as a bare `<table>`.
    static func focusableTables(_ html: String) -> String {
        html.replacingOccurrences(of: "<table>", with: "<table tabindex=\"0\">")
    }

    static func stripXMLDeclaration(_ svg: String) -> String {
        guard svg.hasPrefix("<?xml"), let end = svg.range(of: "?>") else { return svg }
        return String(svg[end.upperBound...].drop { $0 == "\n" })
    }
}

/// Ids for headings (`#search-and-selection`) and the table of contents that links to them.
struct HeadingAnchors {
    let entries: [(heading: MarkdownToHTML.Heading, id: String)]

    init(_ headings: [MarkdownToHTML.Heading]) {
        var used: [String: Int] = [:]
        entries = headings.map { heading in
            var slug = Self.slug(heading.text)
            if slug.isEmpty { slug = "section" }
            let count = used[slug, default: 0] + 1
            used[slug] = count
            return (heading, count == 1 ? slug : "\(slug)-\(count)")
        }
    }

    static func slug(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash, !slug.isEmpty { slug += "-" }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return slug
    }

    /// Adds `id` attributes to `<h1>`…`<h6>` in document order (cmark writes them without attributes).
    func addIDs(to html: String) -> String {
        var output = ""
        output.reserveCapacity(html.utf8.count + entries.count * 24)
        var rest = Substring(html)
        for entry in entries {
            let tag = "<h\(entry.heading.level)>"
            guard let range = rest.range(of: tag) else { break }
            output += rest[..<range.lowerBound]
            output += "<h\(entry.heading.level) id=\"\(entry.id)\">"
            rest = rest[range.upperBound...]
        }
        output += rest
        return output
    }

    /// A nested list of the level-2 and level-3 headings.
    func tableOfContents() -> String {
        var html = "<ol>\n"
        var openSublist = false
        for entry in entries where entry.heading.level == 2 || entry.heading.level == 3 {
            let link = "<a href=\"#\(entry.id)\">\(HTMLText.escape(entry.heading.text))</a>"
            if entry.heading.level == 3 {
                if !openSublist {
                    html += "<ol>\n"
                    openSublist = true
                }
                html += "<li>\(link)</li>\n"
            } else {
                if openSublist {
                    html += "</ol></li>\n"
                    openSublist = false
                } else if html != "<ol>\n" {
                    html += "</li>\n"
                }
                html += "<li>\(link)\n"
            }
        }
        if openSublist { html += "</ol></li>\n" } else if html != "<ol>\n" { html += "</li>\n" }
        return html + "</ol>"
    }
}

public enum HTMLText {
    public static func escape(_ text: some StringProtocol) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}

extension String {
    fileprivate func replacingPlaceholder(_ name: String, with value: String) -> String {
        guard let range = range(of: "{{\(name)}}") else { return self }
        return replacingCharacters(in: range, with: value)
    }
}
