/// Numbers as C's `printf` writes them (`%.2f`, `%.4g`): correctly rounded from the exact binary value,
/// and locale-independent, since the process never calls `setlocale`.
public enum PrintfNumber {
    /// `%.<decimals>f`: 0.5 → "0.50" with 2 decimals; 1e300 has all its 301 digits.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        format("%.*f", value, precision: decimals)
    }

    /// `%.<decimals>e`: 1.7e308 → "1.70e+308" with 2 decimals.
    public static func exponent(_ value: Double, decimals: Int) -> String {
        format("%.*e", value, precision: decimals)
    }

    /// `%.<digits>g`: 0.000012345 → "1.235e-05" with 4 digits.
    public static func significant(_ value: Double, digits: Int) -> String {
        format("%.*g", value, precision: digits)
    }

    private static func format(_ pattern: String, _ value: Double, precision: Int) -> String {
        let precision = Int32(min(max(precision, 0), 100))
        // The longest `%f` of a Double is 309 integer digits, a point and 100 decimals.
        var buffer = [CChar](repeating: 0, count: 512)
        let length = withVaList([precision, value]) { arguments in
            vsnprintf(&buffer, buffer.count, pattern, arguments)
        }
        precondition(length >= 0 && Int(length) < buffer.count, "printf of \(value) did not fit")
        return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
