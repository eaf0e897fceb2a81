import Foundation
import ScopeDiagnostics
import ScopeSystem

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
    public func render(
        title: String, markdown: String, figures: [String: String], footer: String
    ) throws -> String {
        String(
            decoding: try renderUTF8(title: title, markdown: markdown, figures: figures, footer: footer),
            as: UTF8.self)
    }

    /// The same page as UTF-8 bytes, ready to write: the page of a large review is tens of MB, and every
    /// step below works on bytes rather than on Strings.
    public func renderUTF8(
        title: String, markdown: String, figures: [String: String], footer: String
    ) throws
        -> [UInt8]
    {
        try check()
        // One step at a time, each copy let go as the next is made (a large report's page is tens of MB).
        var (content, headings) = MarkdownToHTML.renderUTF8(markdown)
        let anchors = HeadingAnchors(headings)
        content = anchors.addIDs(to: content)
        content = inlineFigures(in: content, figures: figures)
        content = Self.focusableTables(content)
        let page =
            template
            .replacingPlaceholder("title", with: HTMLText.escape(title))
            .replacingPlaceholder("style", with: style)
            .replacingPlaceholder("toc", with: anchors.tableOfContents())
            .replacingPlaceholder("footer", with: HTMLText.escape(footer))
        return UTF8Search.replacingFirst("{{content}}", with: content, in: Array(page.utf8))
    }

    /// Throws `Missing` when the template lacks a placeholder: the only way `render` can fail, so a
    /// build can find out before it writes anything.
    public func check() throws {
        let text = Array(template.utf8)
        for placeholder in ["title", "style", "toc", "content", "footer"]
        where text.withUnsafeBufferPointer({
            UTF8Search.first(Array("{{\(placeholder)}}".utf8), in: $0, from: 0)
        })
            == nil
        {
            throw Missing(placeholder: placeholder)
        }
    }

    /// cmark renders a figure paragraph as `<p><img src="figures/NAME.svg" alt="CAPTION" /></p>`; that
    /// becomes `<figure>` with the SVG inline and the (already escaped) caption.
    func inlineFigures(in html: [UInt8], figures: [String: String]) -> [UInt8] {
        let opening = Array("<p><img src=\"figures/".utf8)
        let afterName = Array(".svg\" alt=\"".utf8)
        let afterAlt = Array("\" />".utf8)
        let closing = Array("</p>".utf8)
        return html.withUnsafeBufferPointer { text in
            var output: [UInt8] = []
            output.reserveCapacity(text.count + figures.values.reduce(0) { $0 + $1.utf8.count })
            var position = 0
            while let start = UTF8Search.first(opening, in: text, from: position) {
                output.append(contentsOf: text[position..<start])
                let source = start + opening.count
                guard let nameEnd = UTF8Search.first(afterName, in: text, from: source),
                    let altEnd = UTF8Search.first(afterAlt, in: text, from: nameEnd + afterName.count),
                    text[(altEnd + afterAlt.count)...].starts(with: closing),
                    let svg = figures[String(decoding: text[source..<nameEnd], as: UTF8.self)]
                else {
                    output.append(contentsOf: opening)
                    position = source
                    continue
                }
                let name = String(decoding: text[source..<nameEnd], as: UTF8.self)
                output.append(contentsOf: "<figure id=\"figure-\(HTMLText.escape(name))\">\n".utf8)
                output.append(contentsOf: Self.stripXMLDeclaration(svg).utf8)
                output.append(contentsOf: "<figcaption>".utf8)
                output.append(contentsOf: text[(nameEnd + afterName.count)..<altEnd])
                output.append(contentsOf: "</figcaption>\n</figure>".utf8)
                position = altEnd + afterAlt.count + closing.count
            }
            output.append(contentsOf: text[position...])
            return output
        }
    }

    /// Wide tables scroll inside their own box; `tabindex="0"` lets keyboard users reach and scroll
    /// them (WCAG's "scrollable region must be focusable"). cmark writes every table as a bare `<table>`.
    static func focusableTables(_ html: [UInt8]) -> [UInt8] {
        UTF8Search.replacingAll("<table>", with: "<table tabindex=\"0\">", in: html)
    }

    static func stripXMLDeclaration(_ svg: String) -> String {
        let bytes = Array(svg.utf8)
        guard svg.hasPrefix("<?xml"),
            let end = bytes.withUnsafeBufferPointer({ UTF8Search.first(Array("?>".utf8), in: $0, from: 0) })
        else { return svg }
        return String(decoding: bytes[(end + 2)...].drop { $0 == UInt8(ascii: "\n") }, as: UTF8.self)
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
        String(decoding: addIDs(to: Array(html.utf8)), as: UTF8.self)
    }

    func addIDs(to html: [UInt8]) -> [UInt8] {
        html.withUnsafeBufferPointer { text in
            var output: [UInt8] = []
            output.reserveCapacity(text.count + entries.count * 24)
            var position = 0
            for entry in entries {
                let tag = Array("<h\(entry.heading.level)>".utf8)
                guard let hit = UTF8Search.first(tag, in: text, from: position) else { break }
                output.append(contentsOf: text[position..<hit])
                output.append(contentsOf: "<h\(entry.heading.level) id=\"\(entry.id)\">".utf8)
                position = hit + tag.count
            }
            output.append(contentsOf: text[position...])
            return output
        }
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
        String(
            decoding: UTF8Search.replacingFirst("{{\(name)}}", with: Array(value.utf8), in: Array(utf8)),
            as: UTF8.self)
    }
}
