/// OOXML's escape for characters XML cannot carry: `_x000D_` is a carriage return, and `_x005F_`
/// escapes an underscore that would otherwise start such an escape. Excel writes them for control
/// characters, most often the CR of a CRLF typed into a cell.
enum XLSXText {
    static func unescape(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var result = ""
        var rest = text[...]
        while let start = rest.range(of: "_x") {
            result += rest[..<start.lowerBound]
            let hex = rest[start.upperBound...].prefix(4)
            let afterHex = rest.index(start.upperBound, offsetBy: hex.count)
            if hex.count == 4, hex.allSatisfy(\.isHexDigit), afterHex < rest.endIndex, rest[afterHex] == "_",
                let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code)
            {
                result.unicodeScalars.append(scalar)
                rest = rest[rest.index(after: afterHex)...]
            } else {
                result += "_x"
                rest = rest[start.upperBound...]
            }
        }
        return result + rest
    }
}
