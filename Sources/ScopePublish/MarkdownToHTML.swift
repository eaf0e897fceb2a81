import CCmarkGFM

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
        _ = extensionsRegistered
        // Smart punctuation would turn a data value's "--" into a dash; keep text as written.
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_FOOTNOTES
        guard let parser = cmark_parser_new(options) else { return ("", []) }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tagfilter"] {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        var bytes = Array(markdown.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        guard let document = cmark_parser_finish(parser) else { return ("", []) }
        defer { cmark_node_free(document) }
        let headings = collectHeadings(document)
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return ("", headings)
        }
        defer { free(rendered) }
        return (String(cString: rendered), headings)
    }

    /// Registering the core extensions must happen once before any lookup, or every lookup returns nil.
    private static let extensionsRegistered: Void = cmark_gfm_core_extensions_ensure_registered()

    private static func collectHeadings(_ document: OpaquePointer) -> [Heading] {
        var headings: [Heading] = []
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                cmark_node_get_type(node) == CMARK_NODE_HEADING
            else { continue }
            headings.append(Heading(level: Int(cmark_node_get_heading_level(node)), text: plainText(of: node)))
        }
        return headings
    }

    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(current) {
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
