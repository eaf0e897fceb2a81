import XCTest

@testable import ScopeLoad

/// A sheet as a German Excel saves it: `;` between fields, `,` as the decimal mark, CRLF line ends.
final class GermanExportTests: XCTestCase {
    func testSemicolonSheetWithDecimalCommasLoadsAsNumbers() throws {
        let review = try XCTUnwrap(LoadFixtures.review("german-export"))
        XCTAssertEqual(review.config.sheet.delimiter, .semicolon)
        XCTAssertEqual(review.config.sheet.decimalMark, ",")
        XCTAssertEqual(review.values["weight"]?.numbers, [1.5, 2.25, nil])
        XCTAssertEqual(review.values["auc"]?.numbers, [0.91, 0.85, 0.78])
        XCTAssertEqual(review.values["notes"], .texts(["erste", "zweite; mit Semikolon", "Größe in cm"]))
        XCTAssertEqual(review.values["per_label"]?.numbers, [60, 20, 15])
        XCTAssertTrue(review.warnings.isEmpty)
    }

    func testHintsUseTheSheetsOwnDecimalMark() {
        let parser = CellParser(decimalMark: ",")
        let auc = ColumnSpec(name: "auc", type: .fraction)
        XCTAssertEqual(
            parser.parse("91,5", as: auc),
            .failure(
                CellError(
                    "\"91,5\" is above 1, but fractions lie between 0 and 1; it looks like a percentage: write 0,915"
                )))
        XCTAssertEqual(
            parser.parse("78 %", as: auc),
            .failure(CellError("\"78 %\" is a percentage, but fractions lie between 0 and 1: write 0,78")))
        XCTAssertEqual(
            parser.parse("0.93", as: auc),
            .failure(CellError("\"0.93\" is not a number: this sheet's decimal mark is \",\"; write 0,93")))
        XCTAssertEqual(parser.parse("0,93", as: auc), .success(.number(0.93)))
    }
}
