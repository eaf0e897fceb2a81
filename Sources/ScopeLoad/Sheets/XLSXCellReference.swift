import Foundation

/// A1-style cell references: `G14` is column 7, row 14 (both 1-based).
enum XLSXCellReference {
    /// Parses the `r` attribute of a cell; nil unless it is letters then digits, both present.
    static func parse(_ reference: String) -> (column: Int, row: Int)? {
        var column = 0
        var row = 0
        var sawDigit = false
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where !sawDigit:
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
            case UInt8(ascii: "0")...UInt8(ascii: "9") where column > 0:
                sawDigit = true
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
            default:
                return nil
            }
            // Anything longer than Excel's XFD1048576 is not a reference; stop before Int overflows.
            if column > 1 << 20 || row > 1 << 40 { return nil }
        }
        return sawDigit && row > 0 ? (column, row) : nil
    }

    /// 1 → A, 27 → AA, 16384 → XFD.
    static func columnName(_ column: Int) -> String {
        var letters: [UInt8] = []
        var rest = column
        while rest > 0 {
            rest -= 1
            letters.append(UInt8(ascii: "A") + UInt8(rest % 26))
            rest /= 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// The `Sheet!` prefix of a cell's location, quoted as Excel quotes it when the name is not a
    /// plain identifier: `'Data 2021'!A1`, with `'` doubled inside.
    static func sheetPrefix(_ sheet: String) -> String {
        let plain =
            !sheet.isEmpty && !(sheet.first?.isNumber ?? false)
            && sheet.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
        if plain { return sheet + "!" }
        return "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'!"
    }
}
