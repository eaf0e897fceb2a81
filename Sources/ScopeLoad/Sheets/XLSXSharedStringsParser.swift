import Foundation
import ScopeDiagnostics

/// Reads `xl/sharedStrings.xml`: each `<si>` is one string, either a plain `<t>` or rich-text runs
/// (`<r><t>…</t></r>`) whose texts are joined. Phonetic guides (`<rPh>`) also hold `<t>` but are
/// not part of the cell's text.
final class XLSXSharedStringsParser: XLSXElementHandler {
    private(set) var strings: [String] = []
    private let part: String
    private let limits: XLSXLimits
    private let problems: XLSXProblems
    private var current = ""
    private var inText = false
    private var phoneticDepth = 0

    private init(part: String, limits: XLSXLimits, problems: XLSXProblems) {
        self.part = part
        self.limits = limits
        self.problems = problems
    }

    static func parse(
        _ data: Data, part: String, limits: XLSXLimits, problems: XLSXProblems
    )
        throws(DiagnosticsError) -> [String]
    {
        let handler = XLSXSharedStringsParser(part: part, limits: limits, problems: problems)
        try XLSXXMLDriver.parse(data, part: part, with: handler, limits: limits, problems: problems)
        return handler.strings
    }

    func startElement(_ name: Substring, attributes: [String: String]) {
        switch name {
        case "si": current = ""
        case "rPh": phoneticDepth += 1
        case "t": inText = phoneticDepth == 0
        default: break
        }
    }

    func endElement(_ name: Substring) throws(DiagnosticsError) {
        switch name {
        case "t": inText = false
        case "rPh": phoneticDepth -= 1
        case "si":
            let text = XLSXText.unescape(current)
            guard text.utf16.count <= limits.maxCellCharacters else {
                throw problems.error(
                    "shared string \(strings.count) in \(part) has \(text.utf16.count) characters, over the "
                        + "limit of \(limits.maxCellCharacters) (limits: max_cell_characters)")
            }
            strings.append(text)
        default: break
        }
    }

    func characters(_ text: String) {
        if inText { current += text }
    }
}
