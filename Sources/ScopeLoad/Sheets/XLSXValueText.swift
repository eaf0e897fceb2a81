/// Turns a cell's stored number into the text a person reading the sheet would type for it.
enum XLSXValueText {
    /// Shortest text that reads back as the same `Double`: Excel stores 0.93 as 0.92999999999999994,
    /// and `Double.description` gives `0.93` back. Integral values lose their `.0`.
    static func number(_ value: Double) -> String {
        if value == 0 { return "0" }  // also turns -0 into 0
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    /// `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` when the format shows a time; nil for serials that are
    /// not a calendar date (before the epoch, or past year 9999), which stay numbers.
    static func date(serial: Double, uses1904Dates: Bool, withTime: Bool) -> String? {
        // The 1904 system's serials are 1,462 days smaller for the same date.
        let lastSerial = uses1904Dates ? lastSerial1900 - 1_462 : lastSerial1900
        guard serial.isFinite, serial >= 0, serial <= Double(lastSerial) else { return nil }
        // Rounded to the second first, so 0.99999999 of a day is the next midnight, as Excel shows it.
        let totalSeconds = Int((serial * 86_400).rounded())
        let serialDay = totalSeconds / 86_400
        guard serialDay <= lastSerial else { return nil }
        let secondOfDay = totalSeconds % 86_400
        let day: String
        if uses1904Dates {
            day = CivilDate.iso(daysSince1970: serialDay + days1970From1904)
        } else if serialDay == 60 {
            // Lotus 1-2-3 counted 1900 as a leap year and Excel keeps serial 60 as this non-date.
            day = "1900-02-29"
        } else if serialDay >= 1 {
            // Serials 1…59 count from 1900-01-01; after the phantom 29 February everything is one off.
            day = CivilDate.iso(
                daysSince1970: serialDay + (serialDay < 60 ? days1970From1899Dec31 : days1970From1899Dec30))
        } else {
            return nil
        }
        guard withTime else { return day }
        let (hour, minute, second) = (secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60)
        let clock = [hour, minute, second].map { CivilDate.padded($0, 2) }.joined(separator: ":")
        return day + "T" + clock
    }

    /// 9999-12-31 in the 1900 system; Excel shows nothing later as a date.
    private static let lastSerial1900 = 2_958_465
    private static let days1970From1899Dec30 = -25_569
    private static let days1970From1899Dec31 = -25_568
    private static let days1970From1904 = -24_107
}
