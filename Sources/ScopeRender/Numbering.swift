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
                case .figure where figures[name] == nil, .figureNumber where !placedOnly && figures[name] == nil:
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
        var rest = Substring(text)
        while let start = rest.firstIndex(of: "\u{E000}"), let end = rest[start...].firstIndex(of: "\u{E001}") {
            let body = rest[rest.index(after: start)..<end]
            if let colon = body.firstIndex(of: ":"), let kind = Kind(rawValue: String(body[..<colon])) {
                found.append((kind, String(body[body.index(after: colon)...])))
            }
            rest = rest[rest.index(after: end)...]
        }
        return found
    }

    func resolve(_ text: String, tables: [ReportTable], figures: [ReportFigure]) -> String {
        let tableByName = Dictionary(uniqueKeysWithValues: tables.map { ($0.name, $0) })
        let figureByName = Dictionary(uniqueKeysWithValues: figures.map { ($0.name, $0) })
        var output = ""
        output.reserveCapacity(text.utf8.count * 2)
        var rest = Substring(text)
        while let start = rest.firstIndex(of: "\u{E000}"), let end = rest[start...].firstIndex(of: "\u{E001}") {
            output += rest[..<start]
            let body = rest[rest.index(after: start)..<end]
            let colon = body.firstIndex(of: ":")!
            let name = String(body[body.index(after: colon)...])
            switch Kind(rawValue: String(body[..<colon]))! {
            case .table: output += TableWriters.markdown(tableByName[name]!)
            case .tableNumber: output += String(tableByName[name]!.number)
            case .figure:
                let figure = figureByName[name]!
                output += "![\(MarkdownText.escape("Figure \(figure.number). \(figure.caption)"))](figures/\(name).svg)\n"
            case .figureNumber: output += String(figureByName[name]!.number)
            }
            rest = rest[rest.index(after: end)...]
        }
        output += rest
        return output
    }
}
