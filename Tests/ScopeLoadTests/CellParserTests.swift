import XCTest

@testable import ScopeDiagnostics
@testable import ScopeLoad

final class CellParserTests: XCTestCase {
    private let parser = CellParser(decimalMark: ".")

    private func message(_ text: String, _ type: ColumnType) -> String? {
        guard case .failure(let error) = parser.parse(text, as: ColumnSpec(name: "c", type: type)) else {
            return nil
        }
        return error.messages.joined(separator: " | ")
    }

    func testWebAddressesNeedHTTPAndAHost() {
        XCTAssertNil(message("https://example.org/a?b=c#d", .url))
        XCTAssertNil(message("HTTP://EXAMPLE.ORG", .url))
        for refused in [
            "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "file:///etc/passwd",
        ] {
            XCTAssertEqual(
                message(refused, .url),
                "\"\(refused)\" is refused: only http:// and https:// addresses are published as links")
        }
        for incomplete in ["https://", "https:///path", "example.org:8080/x", "www.example.org"] {
            XCTAssertEqual(
                message(incomplete, .url),
                "\"\(incomplete)\" is not a web address; write it in full, starting with https:// or http://")
        }
        XCTAssertNotNil(message("https://example.org/a b", .url))
        XCTAssertNotNil(message("https://example.org/\"onmouseover=", .url))
    }

    func testDOIsDropTheirResolverPrefix() {
        let doi = ColumnSpec(name: "doi", type: .doi)
        XCTAssertEqual(
            parser.parse("https://doi.org/10.1002/jmri.22095", as: doi), .success(.text("10.1002/jmri.22095"))
        )
        XCTAssertEqual(parser.parse("DOI: 10.1002/x", as: doi), .success(.text("10.1002/x")))
        XCTAssertNotNil(message("10.1002", .doi))
        XCTAssertNotNil(message("10./x", .doi))
    }

    func testNumbersRefuseWhatDoubleWouldAccept() {
        for text in ["inf", "nan", "0x1p3", "1e999", "1,000.5"] {
            XCTAssertNotNil(message(text, .number), text)
        }
        XCTAssertNil(message("-1.5e-3", .number))
        XCTAssertEqual(
            message("1,000", .number),
            "\"1,000\" is not a number: write decimals with \".\" and no thousands separators",
            "a thousands separator is not mistaken for a decimal comma")
        XCTAssertEqual(message("12.5", .integer), "\"12.5\" is not an integer")
    }

    func testMultiCategoryReportsEveryBadValueAndIgnoresRepeatsAndGaps() {
        let type = ColumnType.multiCategory(values: ["MRI", "CT"], separator: "|")
        XCTAssertEqual(
            parser.parse(" MRI | CT || MRI |", as: ColumnSpec(name: "m", type: type)),
            .success(.categories(["MRI", "CT"])))
        XCTAssertEqual(
            message("MRT|CT|PETT", type),
            "\"MRT\" is not one of the codebook's values; did you mean \"MRI\"? | \"PETT\" is not one of the codebook's "
                + "values (MRI, CT); correct the cell, or add the value to the column's 'values' in the config"
        )
    }

    func testQuotedValuesStayOnOneLine() {
        XCTAssertEqual("a\nb\"c\\".quotedForMessage, #""a\nb\"c\\""#)
        XCTAssertEqual(
            String(repeating: "x", count: 100).quotedForMessage,
            "\"" + String(repeating: "x", count: 60) + "…\"")
        XCTAssertEqual(message("12\n13", .integer), #""12\n13" is not an integer"#)
    }

    func testSuggestionsCountASwapAsOneTypo() {
        XCTAssertEqual(Suggestion.closest(to: "lable", among: ["label", "values"]), "label")
        XCTAssertEqual(Suggestion.closest(to: "mri", among: ["CT", "MRI"]), "MRI")
        XCTAssertNil(Suggestion.closest(to: "ultrasound", among: ["MRI", "CT", "PET"]))
        XCTAssertEqual(Suggestion.editDistance(Array("ab".unicodeScalars), Array("ba".unicodeScalars)), 1)
        XCTAssertEqual(
            Suggestion.editDistance(Array("kitten".unicodeScalars), Array("sitting".unicodeScalars)), 3)
    }
}
