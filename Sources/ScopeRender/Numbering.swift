import ScopeDiagnostics
import ScopeSystem

/// Tables and figures are numbered in the order the report shows them, which only the rendered text
/// knows. The context therefore holds markers (`U+E000 kind:name U+E001`, characters the Markdown
/// escaper never lets data produce); this finds their order and swaps in the numbered blocks.
/// Numbering by placement (not by first mention) keeps "Table 2" from appearing above "Table 1".
struct Numbering {
    private(set) var tables: [String: Int] = [:]
    private(set) var figures: [String: Int] = [:]

    enum Kind: String {
        case table = "T"
        case tableNumber = "TN"
        case figure = "F"
        case figureNumber = "FN"
    }

    static func marker(_ kind: Kind, _ name: String) -> String { "\u{E000}\(kind.rawValue):\(name)\u{E001}" }

    /// Numbers in order of placement; tables and figures only mentioned come next, in order of
    /// mention, and those never used last, in the given order, so every file still carries a number.
    init(markdown: String, tables tableNames: [String], figures figureNames: [String]) {
        let found = Self.markers(in: markdown)
        for placedOnly in [true, false] {
            for (kind, name) in found {
                switch kind {
                case .table where tables[name] == nil, .tableNumber where !placedOnly && tables[name] == nil:
                    tables[name] = tables.count + 1
                case .figure where figures[name] == nil,
                    .figureNumber where !placedOnly && figures[name] == nil:
                    figures[name] = figures.count + 1
                default: continue
                }
            }
        }
        for name in tableNames where tables[name] == nil { tables[name] = tables.count + 1 }
        for name in figureNames where figures[name] == nil { figures[name] = figures.count + 1 }
    }

    static func markers(in text: String) -> [(Kind, String)] {
        var found: [(Kind, String)] = []
        forEachMarker(in: text) { _, body in
            if let colon = body.firstIndex(of: UInt8(ascii: ":")),
                let kind = Kind(rawValue: String(decoding: body[..<colon], as: UTF8.self))
            {
                found.append((kind, String(decoding: body[(colon + 1)...], as: UTF8.self)))
            }
        }
        return found
    }

    /// The text with every marker replaced by its block or number. A table longer than
    /// `maxTableRowsOnPage` is not inlined: its caption, a pointer to its files and its notes stand in.
    func resolve(
        _ text: String, tables: [ReportTable], figures: [ReportFigure], maxTableRowsOnPage: Int
    ) -> String {
        let tableByName = Dictionary(uniqueKeysWithValues: tables.map { ($0.name, $0) })
        let figureByName = Dictionary(uniqueKeysWithValues: figures.map { ($0.name, $0) })
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count * 2)
        let rest = Self.forEachMarker(in: text) { before, body in
            output += before
            let colon = body.firstIndex(of: UInt8(ascii: ":"))!
            let name = String(decoding: body[(colon + 1)...], as: UTF8.self)
            switch Kind(rawValue: String(decoding: body[..<colon], as: UTF8.self))! {
            case .table:
                let table = tableByName[name]!
                output +=
                    (table.rows.count > maxTableRowsOnPage
                    ? TableWriters.markdownPointer(table) : TableWriters.markdown(table)).utf8
            case .tableNumber: output += String(tableByName[name]!.number).utf8
            case .figure:
                let figure = figureByName[name]!
                output +=
                    "![\(MarkdownText.escape("Figure \(figure.number). \(figure.caption)"))](figures/\(name).svg)\n"
                    .utf8
            case .figureNumber: output += String(figureByName[name]!.number).utf8
            }
        }
        output += rest
        return String(decoding: output, as: UTF8.self)
    }

    /// Calls `body` with the bytes before each marker and the marker's `kind:name` bytes, in order;
    /// returns the bytes after the last marker. Searches bytes: the text may be tens of MB.
    @discardableResult
    private static func forEachMarker(
        in text: String,
        _ body: (_ before: UnsafeBufferPointer<UInt8>.SubSequence, _ marker: ArraySlice<UInt8>) -> Void
    ) -> [UInt8] {
        var text = text
        return text.withUTF8 { utf8 in
            let open = Array("\u{E000}".utf8)
            let close = Array("\u{E001}".utf8)
            var position = 0
            while let start = UTF8Search.first(open, in: utf8, from: position),
                let end = UTF8Search.first(close, in: utf8, from: start + open.count)
            {
                body(utf8[position..<start], ArraySlice(utf8[(start + open.count)..<end]))
                position = end + close.count
            }
            return Array(utf8[position...])
        }
    }
}
