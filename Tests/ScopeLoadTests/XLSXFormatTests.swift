import XCTest

@testable import ScopeLoad

/// The pure pieces: number formats, number and date text, cell references, OOXML escapes.
final class XLSXFormatTests: XCTestCase {
    func testFormatCodesAreClassifiedByTheirDateAndTimeTokens() {
        let cases: [(String, XLSXNumberPresentation)] = [
            ("General", .number), ("0.00", .number), ("0.00E+00", .number), ("#,##0", .number),
            (#"yyyy\-mm\-dd"#, .date), ("d mmm yy", .date), ("mmm", .date),
            ("[$-409]d\\ mmmm\\ yyyy;@", .date),
            ("yyyy-mm-dd hh:mm", .dateTime), ("m/d/yy h:mm AM/PM", .dateTime),
            ("h:mm", .number), ("mm:ss", .number), ("[h]:mm:ss", .number), ("h:mm AM/PM", .number),
            (#"[Red]0.00;"days""#, .number), (#"0 "d""#, .number), (#"0\d"#, .number),
            (#""TRUE";"TRUE";"FALSE""#, .boolean),
        ]
        for (code, expected) in cases {
            XCTAssertEqual(XLSXNumberPresentation(formatCode: code), expected, code)
        }
    }

    func testBuiltInFormats() {
        XCTAssertEqual(XLSXNumberPresentation(builtInFormat: 0), .number)
        XCTAssertEqual(XLSXNumberPresentation(builtInFormat: 14), .date)
        XCTAssertEqual(XLSXNumberPresentation(builtInFormat: 22), .dateTime)
        XCTAssertEqual(XLSXNumberPresentation(builtInFormat: 20), .number)
        XCTAssertEqual(XLSXNumberPresentation(builtInFormat: 49), .number)
    }

    func testNumbersAreShortestRoundTripText() {
        XCTAssertEqual(XLSXValueText.number(1), "1")
        XCTAssertEqual(XLSXValueText.number(0.93000000000000005), "0.93")
        XCTAssertEqual(XLSXValueText.number(-0.0), "0")
        XCTAssertEqual(XLSXValueText.number(1e-7), "1e-07")
        XCTAssertEqual(XLSXValueText.number(1e16), "1e+16")
        XCTAssertEqual(XLSXValueText.number(123456789012), "123456789012")
    }

    func testDates() {
        XCTAssertEqual(XLSXValueText.date(serial: 45000, uses1904Dates: false, withTime: false), "2023-03-15")
        XCTAssertEqual(XLSXValueText.date(serial: 45000, uses1904Dates: true, withTime: false), "2027-03-16")
        XCTAssertEqual(
            XLSXValueText.date(serial: 45000.5, uses1904Dates: false, withTime: true), "2023-03-15T12:00:00")
        XCTAssertNil(XLSXValueText.date(serial: .infinity, uses1904Dates: false, withTime: false))
    }

    func testCellReferences() {
        XCTAssertEqual(XLSXCellReference.parse("G14")?.column, 7)
        XCTAssertEqual(XLSXCellReference.parse("XFD1048576")?.row, 1_048_576)
        XCTAssertEqual(XLSXCellReference.parse("AA1")?.column, 27)
        for invalid in ["", "A", "14", "A0", "a1", "A1B", "$A$1"] {
            XCTAssertNil(XLSXCellReference.parse(invalid), invalid)
        }
        XCTAssertEqual(
            [1, 26, 27, 702, 703, 16_384].map(XLSXCellReference.columnName),
            ["A", "Z", "AA", "ZZ", "AAA", "XFD"])
        XCTAssertEqual(XLSXCellReference.sheetPrefix("Extraction"), "Extraction!")
        XCTAssertEqual(XLSXCellReference.sheetPrefix("Data 2021"), "'Data 2021'!")
        XCTAssertEqual(XLSXCellReference.sheetPrefix("Bob's"), "'Bob''s'!")
        XCTAssertEqual(XLSXCellReference.sheetPrefix("2021"), "'2021'!")
    }

    func testEscapes() {
        XCTAssertEqual(XLSXText.unescape("a_x000D_b"), "a\rb")
        XCTAssertEqual(XLSXText.unescape("_x005F_x000D_"), "_x000D_")
        XCTAssertEqual(XLSXText.unescape("_x+00D_ and _x12_ and _x"), "_x+00D_ and _x12_ and _x")
    }

    func testRelationshipTargets() {
        XCTAssertEqual(
            XLSXRelationshipsParser.resolve("worksheets/sheet1.xml", in: "xl"), "xl/worksheets/sheet1.xml")
        XCTAssertEqual(XLSXRelationshipsParser.resolve("/xl/styles.xml", in: "xl"), "xl/styles.xml")
        XCTAssertEqual(XLSXRelationshipsParser.resolve("../media/a.png", in: "xl/drawings"), "xl/media/a.png")
    }
}
