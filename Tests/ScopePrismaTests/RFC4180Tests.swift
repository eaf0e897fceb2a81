import XCTest

@testable import ScopePrisma

final class RFC4180Tests: XCTestCase {
    func testQuotesOnlyWhereNeeded() {
        XCTAssertEqual(
            RFC4180.write([["plain", "a, b", "say \"hi\"", "two\nlines", ""]]),
            "plain,\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\",\n")
    }

    func testReadsWhatItWrites() throws {
        let records = [["plain", "a, b", "say \"hi\"", "two\nlines", ""], ["x", "", "y", "z", "NA"]]
        let parsed = try RFC4180.parse(RFC4180.write(records)).get()
        XCTAssertEqual(parsed.map { $0.map(\.text) }, records)
    }

    func testPositionsCountLinesInsideQuotedFields() throws {
        let parsed = try RFC4180.parse("a,\"b\nc\",d\r\ne,f\r\n").get()
        XCTAssertEqual(parsed.map { $0.map(\.text) }, [["a", "b\nc", "d"], ["e", "f"]])
        XCTAssertEqual(parsed[0].map(\.column), [1, 3, 4])
        XCTAssertEqual(parsed[0][2].line, 2)
        XCTAssertEqual(parsed[1].map(\.line), [3, 3])
    }

    func testByteOrderMarkAndMissingFinalNewline() throws {
        let parsed = try RFC4180.parse("\u{FEFF}data,n\nnew_studies,3").get()
        XCTAssertEqual(parsed.map { $0.map(\.text) }, [["data", "n"], ["new_studies", "3"]])
    }

    func testUnclosedQuoteIsAnError() {
        XCTAssertEqual(
            RFC4180.parse("a,\"b").map { _ in 0 },
            .failure(RFC4180.SyntaxError(message: "a quoted field is not closed", line: 1, column: 3)))
    }
}
