import CSystem

/// Numbers as C's `printf` writes them (`%.2f`, `%.4g`): correctly rounded from the exact binary value,
/// and locale-independent, since the process never calls `setlocale`. Foundation's
/// `String(format:)` gives the same text by a much longer road (it builds an NSString, and its first
/// use costs a millisecond of start-up), and so does `withVaList` (a dynamic cast per argument): a
/// report formats thousands of numbers.
public enum PrintfNumber {
    /// `%.<decimals>f`: 0.5 → "0.50" with 2 decimals; 1e300 has all its 301 digits.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        format(value, precision: decimals, conversion: UInt8(ascii: "f"))
    }

    /// `%.<decimals>e`: 1.7e308 → "1.70e+308" with 2 decimals.
    public static func exponent(_ value: Double, decimals: Int) -> String {
        format(value, precision: decimals, conversion: UInt8(ascii: "e"))
    }

    /// `%.<digits>g`: 0.000012345 → "1.235e-05" with 4 digits.
    public static func significant(_ value: Double, digits: Int) -> String {
        format(value, precision: digits, conversion: UInt8(ascii: "g"))
    }

    private static func format(_ value: Double, precision: Int, conversion: UInt8) -> String {
        let precision = Int32(min(max(precision, 0), 100))
        var capacity = 64
        while true {
            let text: String? = withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buffer in
                let length = Int(
                    sr_format_double(
                        buffer.baseAddress!, capacity, value, precision, CChar(bitPattern: conversion)))
                guard length < capacity else {
                    capacity = length + 1
                    return nil
                }
                return String(cString: buffer.baseAddress!)
            }
            if let text { return text }
        }
    }
}
