#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Numbers as C's `printf` writes them (`%.2f`, `%.4g`): correctly rounded from the exact binary value,
/// and locale-independent, since the process never calls `setlocale`. Foundation's
/// `String(format:)` gives the same text by a much longer road (it builds an NSString, and its first
/// use costs a millisecond of start-up): a report formats thousands of numbers.
public enum PrintfNumber {
    /// `%.<decimals>f`: 0.5 → "0.50" with 2 decimals; 1e300 has all its 301 digits.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        format(value, precision: decimals, conversion: "f")
    }

    /// `%.<digits>g`: 0.000012345 → "1.235e-05" with 4 digits.
    public static func significant(_ value: Double, digits: Int) -> String {
        format(value, precision: digits, conversion: "g")
    }

    private static func format(_ value: Double, precision: Int, conversion: String) -> String {
        let specification = "%.*" + conversion
        let precision = Int32(clamping: min(max(precision, 0), 100))
        var buffer = [CChar](repeating: 0, count: 64)
        while true {
            let length = withVaList([precision, value]) { arguments in
                buffer.withUnsafeMutableBufferPointer {
                    Int(vsnprintf($0.baseAddress!, $0.count, specification, arguments))
                }
            }
            guard length >= buffer.count else {
                return String(
                    decoding: buffer[..<max(length, 0)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
            buffer = [CChar](repeating: 0, count: length + 1)
        }
    }
}
