import Foundation
import ScopeDiagnostics
import ScopeLoad
import Yams

/// The files of a new review made around an author's existing sheet (`init DIR --from SHEET`): the
/// sheet itself, a review.yaml whose codebook is what the cells suggest, and a starter report that
/// counts every category and summarises every number, so that the first build works at once.
struct StarterFromSheet {
    var sheetName: String
    var worksheet: String?
    var codebook: InferredCodebook

    var files: [(path: String, text: String)] {
        StarterFiles.files.filter { $0.path == "templates/page.html" || $0.path == "templates/style.css" }
            + [("review-data/review.yaml", config), ("templates/report.md", report)]
    }

    /// The counted columns, each with the id of its frequency table.
    private var counted: [(id: String, column: ColumnSpec)] {
        var ids: Set<String> = []
        return codebook.columns.filter { $0.type.isCategorical || $0.type == .year }.map { column in
            var id = Self.identifier(column.name)
            while !ids.insert(id).inserted { id += "-2" }
            return (id, column)
        }
    }

    private var summarised: [ColumnSpec] {
        codebook.columns.filter { $0.type.isNumeric && $0.type != .year }
    }

    var config: String {
        var sheet: [(String, Node)] = [("file", Node(sheetName))]
        if let worksheet { sheet.append(("sheet", Node(worksheet))) }
        sheet.append(("id", Node(codebook.idColumn ?? codebook.columns.first?.name ?? "id")))
        if codebook.headerRow != 1 { sheet.append(("header_row", Node(String(codebook.headerRow)))) }
        if codebook.hasDescriptionRow {
            sheet.append(("first_data_row", Node(String(codebook.headerRow + 2))))
        }
        let columns = codebook.columns.map { column -> (String, Node) in
            var fields: [(String, Node)] = [("type", Node(column.type.keyword))]
            if column.name == codebook.idColumn { fields.append(("required", Node("true"))) }
            if case .multiCategory(_, let separator) = column.type {
                fields.append(("separator", Node(separator)))
            }
            if let minimum = column.minimum { fields.append(("min", Node(String(Int(minimum))))) }
            if !column.type.allowedValues.isEmpty {
                fields.append(("values", flow(column.type.allowedValues)))
            }
            return (column.name, mapping(fields, style: .flow))
        }
        var synthesis: [(String, Node)] = []
        if !counted.isEmpty {
            synthesis.append(
                (
                    "frequencies",
                    .sequence(
                        Node.Sequence(
                            counted.map { id, column in
                                var fields = [
                                    ("id", Node(id)), ("column", Node(column.name)),
                                    ("title", Node(column.name)),
                                ]
                                if column.type == .year {
                                    fields += [("continuous", Node("true")), ("order", Node("codebook"))]
                                }
                                return mapping(fields, style: .flow)
                            }))
                ))
        }
        if !summarised.isEmpty {
            synthesis.append(("descriptives", flow(summarised.map(\.name))))
        }
        synthesis.append(
            (
                "study_table",
                mapping([
                    ("columns", flow(codebook.columns.prefix(6).map(\.name)))
                ])
            ))
        let document = mapping([
            (
                "metadata",
                mapping([("title", Node("A review of \(sheetName)")), ("authors", flow(["Your Name"]))])
            ),
            ("sheet", mapping(sheet)),
            ("columns", mapping(columns)),
            ("synthesis", mapping(synthesis)),
        ])
        let yaml = (try? Yams.serialize(node: document, width: -1)) ?? ""
        return """
            # Written by `scopereport init --from \(sheetName)`: each column's type and values are what its
            # cells suggest. Check them (a category may deserve its full list of values, a text column may
            # be a category), then choose what to count and draw under `synthesis:`; docs/config.md in the
            # ScopeReport repository documents every key.

            """ + yaml
    }

    var report: String {
        var lines = [
            "# {{metadata.title}}", "", "{{metadata.authors}}", "", "## Included studies", "",
            "{{studies.count}} studies were included.", "",
        ]
        for (id, _) in counted { lines += ["{{tables.\(id)}}", ""] }
        if !summarised.isEmpty { lines += ["## Numbers reported", "", "{{tables.descriptives}}", ""] }
        lines += ["## Characteristics of the included studies", "", "{{tables.studies}}", ""]
        return lines.joined(separator: "\n")
    }

    private func mapping(_ entries: [(String, Node)], style: Node.Mapping.Style = .block) -> Node {
        .mapping(Node.Mapping(entries.map { (Node($0.0), $0.1) }, .implicit, style))
    }

    /// `[a, b, c]` on one line.
    private func flow(_ items: [String]) -> Node {
        .sequence(Node.Sequence(items.map { Node($0) }, .implicit, .flow))
    }

    /// A table id from a column name: lower-case letters, digits and hyphens.
    static func identifier(_ name: String) -> String {
        let words = name.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        return words.isEmpty ? "column" : words.joined(separator: "-")
    }
}
