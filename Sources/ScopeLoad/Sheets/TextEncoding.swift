/// The character encoding of a CSV file. Excel's plain "CSV" on Windows writes Windows-1252 and older
/// tools Latin-1; rather than make such authors re-export, the config may name the encoding, and the
/// file is decoded to UTF-8 before it is split (with a warning, so that nobody forgets it is there).
public enum TextEncoding: String, Sendable, Equatable, CaseIterable {
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"
    case latin1 = "latin-1"

    /// `bytes` as UTF-8, decoded from this encoding. UTF-8 is returned as it is (the CSV reader checks it).
    /// Every byte of the two legacy encodings is a character (the five bytes Windows-1252 leaves
    /// undefined are read as the C1 controls, as the WHATWG encoding standard does), so decoding
    /// cannot fail.
    public func utf8Bytes(_ bytes: [UInt8]) -> [UInt8] {
        guard self != .utf8, bytes.contains(where: { $0 >= 0x80 }) else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                output.append(byte)
                continue
            }
            var scalar = UInt32(byte)
            if self == .windows1252, (0x80...0x9F).contains(byte) {
                scalar = UInt32(Self.windows1252High[Int(byte) - 0x80])
            }
            output.append(contentsOf: UTF8.encode(Unicode.Scalar(scalar)!)!)
        }
        return output
    }

    /// Windows-1252's characters for the bytes 0x80…0x9F (where Latin-1 has control characters).
    private static let windows1252High: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
