import Foundation
import ScopeDiagnostics

/// Reads `xl/styles.xml` only as far as the reader needs: for each cell format (`<cellXfs><xf>`, the
/// index a cell's `s` attribute names), how its number format shows a numeric value.
final class XLSXStylesParser: XLSXElementHandler {
    private var customFormats: [Int: String] = [:]
    private var cellFormatIDs: [Int] = []
    private var inNumberFormats = false
    private var inCellFormats = false

    private init() {}

    /// One presentation per cell-format index.
    static func parse(
        _ data: Data, part: String, limits: XLSXLimits, problems: XLSXProblems
    )
        throws(DiagnosticsError) -> [XLSXNumberPresentation]
    {
        let handler = XLSXStylesParser()
        try XLSXXMLDriver.parse(data, part: part, with: handler, limits: limits, problems: problems)
        // A workbook may redefine a built-in id, so its own format codes come first.
        return handler.cellFormatIDs.map { id in
            handler.customFormats[id].map(XLSXNumberPresentation.init(formatCode:))
                ?? XLSXNumberPresentation(builtInFormat: id)
        }
    }

    func startElement(_ name: Substring, attributes: [String: String]) {
        switch name {
        case "numFmts": inNumberFormats = true
        case "cellXfs": inCellFormats = true
        // `numFmt` also appears in differential formats (`<dxfs>`), which cells do not reference.
        case "numFmt" where inNumberFormats:
            if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] {
                customFormats[id] = code
            }
        case "xf" where inCellFormats:
            cellFormatIDs.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
        default: break
        }
    }

    func endElement(_ name: Substring) {
        switch name {
        case "numFmts": inNumberFormats = false
        case "cellXfs": inCellFormats = false
        default: break
        }
    }

    func characters(_ text: String) {}
}
