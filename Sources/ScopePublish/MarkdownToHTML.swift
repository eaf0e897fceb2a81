import CCmarkGFM
import ScopeSystem

/// Markdown → HTML through libcmark-gfm with the GitHub extensions (tables, strikethrough, autolinks,
/// tag filter) and raw HTML switched off, so text that came from the data can never become markup.
///
/// cmark's C types stay inside this file: callers see strings and `Heading` values only.
public enum MarkdownToHTML {
    public struct Heading: Sendable, Equatable {
        public var level: Int
        public var text: String
    }

    /// The rendered HTML and the document's headings, in order.
    public static func render(_ markdown: String) -> (html: String, headings: [Heading]) {
        let (html, headings) = renderUTF8(markdown)
        return (String(decoding: html, as: UTF8.self), headings)
    }

    /// The same as UTF-8 bytes, copied straight from cmark's buffer.
    public static func renderUTF8(_ markdown: String) -> (html: [UInt8], headings: [Heading]) {
        _ = extensionsRegistered
        // Smart punctuation would turn a data value's "--" into a dash; keep text as written. A Swift
        // string is valid UTF-8 already, so cmark need not check it again.
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES
        guard let parser = cmark_parser_new(options) else { return ([], []) }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tagfilter"] {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        var text = markdown
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                cmark_parser_feed(parser, $0.baseAddress, buffer.count)
            }
        }
        guard let document = cmark_parser_finish(parser) else { return ([], []) }
        var headings: [Heading] = []
        collectHeadings(in: document, into: &headings)
        let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser))
        // The tree of a large report takes ten times its text: gone before the HTML is copied out.
        cmark_node_free(document)
        guard let rendered else { return ([], headings) }
        defer { free(rendered) }
        return (Array(UnsafeRawBufferPointer(start: rendered, count: strlen(rendered))), headings)
    }

    /// Registering the core extensions must happen once before any lookup, or every lookup returns nil.
    private static let extensionsRegistered: Void = cmark_gfm_core_extensions_ensure_registered()

    /// Headings in document order. Only the blocks that can hold a heading are entered (a 100,000-row
    /// table holds none, and walking its every inline node cost more than rendering it).
    private static func collectHeadings(in node: OpaquePointer, into headings: inout [Heading]) {
        var child = cmark_node_first_child(node)
        while let current = child {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_HEADING:
                headings.append(
                    Heading(level: Int(cmark_node_get_heading_level(current)), text: plainText(of: current)))
            case CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM, CMARK_NODE_FOOTNOTE_DEFINITION,
                CMARK_NODE_CUSTOM_BLOCK:
                collectHeadings(in: current, into: &headings)
            default:
                break
            }
            child = cmark_node_next(current)
        }
    }

    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE,
                let literal = cmark_node_get_literal(current)
            {
                text += String(cString: literal)
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            } else {
                text += plainText(of: current)
            }
            child = cmark_node_next(current)
        }
        return text
    }
}
