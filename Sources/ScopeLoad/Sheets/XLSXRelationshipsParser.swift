import Foundation
import ScopeDiagnostics

/// One `<Relationship>` of a `.rels` part, its target resolved to a part name inside the ZIP.
struct XLSXRelationship {
    var type: String
    var part: String

    /// Relationship types differ between Transitional and Strict OOXML only in their namespace, so
    /// they are matched on the last path component (`worksheet`, `sharedStrings`, `styles`).
    func hasType(_ kind: String) -> Bool { type.hasSuffix("/" + kind) }
}

final class XLSXRelationshipsParser: XLSXElementHandler {
    private(set) var relationships: [String: XLSXRelationship] = [:]
    private let sourceFolder: String

    private init(sourceFolder: String) { self.sourceFolder = sourceFolder }

    /// `sourceFolder` is the folder of the part the relationships belong to (`xl` for the workbook);
    /// relative targets are resolved against it.
    static func parse(
        _ data: Data, part: String, sourceFolder: String, limits: XLSXLimits, problems: XLSXProblems
    ) throws(DiagnosticsError) -> [String: XLSXRelationship] {
        let handler = XLSXRelationshipsParser(sourceFolder: sourceFolder)
        try XLSXXMLDriver.parse(data, part: part, with: handler, limits: limits, problems: problems)
        return handler.relationships
    }

    func startElement(_ name: Substring, attributes: [String: String]) {
        guard name == "Relationship", attributes["TargetMode"] != "External",
            let id = attributes["Id"], let type = attributes["Type"], let target = attributes["Target"]
        else { return }
        relationships[id] = XLSXRelationship(type: type, part: Self.resolve(target, in: sourceFolder))
    }

    func endElement(_ name: Substring) {}
    func characters(_ text: String) {}

    /// `worksheets/sheet1.xml` in `xl` → `xl/worksheets/sheet1.xml`; `/xl/…` is already absolute.
    static func resolve(_ target: String, in folder: String) -> String {
        let absolute = target.hasPrefix("/")
        var components = absolute ? [] : folder.split(separator: "/").map(String.init)
        for component in target.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(String(component))
            }
        }
        return components.joined(separator: "/")
    }
}
