import Foundation
import ScopeDiagnostics

/// What `xl/workbook.xml` says that the reader needs: the sheets in tab order and the date system.
struct XLSXWorkbook {
    struct Sheet {
        var name: String
        /// The `r:id` that `xl/_rels/workbook.xml.rels` resolves to the sheet's part.
        var relationshipID: String
    }

    var sheets: [Sheet] = []
    /// Mac Excel's legacy date system: serial 0 is 1904-01-01 instead of 1899-12-31.
    var uses1904Dates = false
}

final class XLSXWorkbookParser: XLSXElementHandler {
    private(set) var workbook = XLSXWorkbook()
    private let part: String
    private let problems: XLSXProblems

    private init(part: String, problems: XLSXProblems) {
        self.part = part
        self.problems = problems
    }

    static func parse(
        _ data: Data, part: String, limits: XLSXLimits, problems: XLSXProblems
    )
        throws(DiagnosticsError) -> XLSXWorkbook
    {
        let handler = XLSXWorkbookParser(part: part, problems: problems)
        try XLSXXMLDriver.parse(data, part: part, with: handler, limits: limits, problems: problems)
        return handler.workbook
    }

    func startElement(_ name: Substring, attributes: [String: String]) throws(DiagnosticsError) {
        switch name {
        case "workbookPr":
            let flag = attributes["date1904"]
            workbook.uses1904Dates = flag == "1" || flag == "true"
        case "sheet":
            // The relationship attribute's prefix is whatever the writer bound the namespace to.
            guard let name = attributes["name"],
                let id = attributes.first(where: { $0.key.hasSuffix(":id") })?.value
            else {
                throw problems.error("part \(part) lists a sheet without a name or relationship id")
            }
            workbook.sheets.append(XLSXWorkbook.Sheet(name: name, relationshipID: id))
        default:
            break
        }
    }

    func endElement(_ name: Substring) {}
    func characters(_ text: String) {}
}
