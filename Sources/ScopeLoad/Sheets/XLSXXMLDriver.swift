import Foundation
import ScopeDiagnostics

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What a part's SAX handler sees: element names without their namespace prefix (some writers emit
/// `<x:c>`), the attributes as written, and text in as many pieces as the parser likes.
protocol XLSXElementHandler: AnyObject {
    func startElement(_ name: Substring, attributes: [String: String]) throws(DiagnosticsError)
    func endElement(_ name: Substring) throws(DiagnosticsError)
    func characters(_ text: String) throws(DiagnosticsError)
}

/// Runs `XMLParser` (streaming SAX, no document tree) over one part, enforcing the depth limit,
/// refusing DTDs, and turning any failure into a diagnostic that names the part.
final class XLSXXMLDriver: NSObject, XMLParserDelegate {
    private let handler: any XLSXElementHandler
    private let part: String
    private let limits: XLSXLimits
    private let problems: XLSXProblems
    private var depth = 0
    private var rootClosed = false
    private var failure: DiagnosticsError?
    private var syntaxError: SyntaxError?

    private struct SyntaxError {
        var code: Int
        var line: Int
        var column: Int
    }

    private init(handler: any XLSXElementHandler, part: String, limits: XLSXLimits, problems: XLSXProblems) {
        self.handler = handler
        self.part = part
        self.limits = limits
        self.problems = problems
    }

    static func parse(
        _ data: Data, part: String, with handler: any XLSXElementHandler, limits: XLSXLimits,
        problems: XLSXProblems
    ) throws(DiagnosticsError) {
        // OOXML never uses a DTD, and refusing one rules out entity-expansion bombs whatever the XML
        // library's own defences are.
        if declaresDocumentType(data) {
            throw problems.error("part \(part) declares a DTD (<!DOCTYPE>), which a workbook never has")
        }
        // Foundation's XMLParser reads a processing instruction's data with strlen, and libxml2 passes no
        // data at all for `<?name?>`: a crash (a null read), not an error. No workbook part holds one.
        if holdsEmptyProcessingInstruction(data) {
            throw problems.error(
                "part \(part) holds an empty processing instruction (<?…?>), which a workbook never has")
        }
        // Foundation's XMLParser traps on a name that is not UTF-8 (libxml2 passes such bytes on before it
        // checks them), so a crafted part would crash the tool. Excel and LibreOffice write UTF-8 only, and
        // XML allows no NUL: refusing both also refuses UTF-16, which the two scans above cannot read.
        let firstNUL = data.firstIndex(of: 0).map { $0 - data.startIndex }
        let firstNonUTF8 = data.withUnsafeBytes { CSVReader.firstInvalidUTF8Offset($0, from: 0) }
        if let offset = [firstNUL, firstNonUTF8].compactMap({ $0 }).min() {
            throw problems.error(
                "part \(part) is not valid UTF-8 (invalid byte at byte offset \(offset)); the file is damaged"
            )
        }
        let driver = XLSXXMLDriver(handler: handler, part: part, limits: limits, problems: problems)
        let parser = XMLParser(data: data)
        parser.delegate = driver
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        let finished = parser.parse()
        if let failure = driver.failure { throw failure }
        // XMLParser drives libxml2's push parser without ever telling it the input has ended, and
        // libxml2 then reports an internal error after the last element of any part over 10 MB. Once
        // the root element has closed every element has been seen and checked, so only errors before
        // that point mean the XML is broken.
        if let syntaxError = driver.syntaxError {
            throw problems.error(
                "part \(part) is not well-formed XML (libxml2 error \(syntaxError.code) at line "
                    + "\(syntaxError.line), column \(syntaxError.column))")
        }
        guard finished || driver.rootClosed else {
            throw problems.error(
                "part \(part) is not well-formed XML: it ends before its root element closes")
        }
    }

    /// XMLParser runs libxml2 in recovery mode: a mismatched tag is reported here and then skipped, so
    /// the first report is kept rather than trusting `parse()`'s result.
    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        guard syntaxError == nil, !rootClosed else { return }
        syntaxError = SyntaxError(
            code: (parseError as NSError).code, line: parser.lineNumber, column: parser.columnNumber)
    }

    private func run(_ parser: XMLParser, _ step: () throws(DiagnosticsError) -> Void) {
        guard failure == nil else { return }
        do {
            try step()
        } catch {
            failure = error
            parser.abortParsing()
        }
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        run(parser) { () throws(DiagnosticsError) in
            depth += 1
            guard depth <= limits.maxXMLDepth else {
                throw problems.error(
                    "part \(part) nests XML elements deeper than \(limits.maxXMLDepth) levels (maxXMLDepth)")
            }
            try handler.startElement(Self.localName(elementName), attributes: attributes)
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
    ) {
        run(parser) { () throws(DiagnosticsError) in
            depth -= 1
            rootClosed = depth == 0
            try handler.endElement(Self.localName(elementName))
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        run(parser) { () throws(DiagnosticsError) in try handler.characters(string) }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        run(parser) { () throws(DiagnosticsError) in
            try handler.characters(String(decoding: CDATABlock, as: UTF8.self))
        }
    }

    private static func localName(_ name: String) -> Substring {
        guard let colon = name.lastIndex(of: ":") else { return name[...] }
        return name[name.index(after: colon)...]
    }

    /// Whether the part holds `<?target?>`: a processing instruction with nothing after its target.
    static func holdsEmptyProcessingInstruction(_ data: Data) -> Bool {
        let question = UInt8(ascii: "?")
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        return data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Bool in
            var index = 0
            while index + 1 < bytes.count {
                guard bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == question else {
                    index += 1
                    continue
                }
                index += 2
                while index < bytes.count, bytes[index] != question, !isSpace(bytes[index]) { index += 1 }
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                if index + 1 < bytes.count, bytes[index] == question, bytes[index + 1] == UInt8(ascii: ">") {
                    return true
                }
            }
            return false
        }
    }

    /// A DOCTYPE can only stand in the prolog, so the scan stops at the root element's `<`.
    static func declaresDocumentType(_ data: Data) -> Bool {
        let marker = Array("<!DOCTYPE".utf8)
        let open = UInt8(ascii: "<")
        return data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Bool in
            var index = 0
            while index + 1 < bytes.count {
                defer { index += 1 }
                guard bytes[index] == open else { continue }
                let next = bytes[index + 1]
                if next != UInt8(ascii: "?") && next != UInt8(ascii: "!") { return false }
                if bytes.count - index >= marker.count
                    && marker.indices.allSatisfy({ bytes[index + $0] == marker[$0] })
                {
                    return true
                }
            }
            return false
        }
    }
}
