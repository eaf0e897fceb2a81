import ScopeDiagnostics
import XCTest

@testable import ScopeLoad

final class CSVReaderTests: XCTestCase {
    private func read(_ text: String, delimiter: CSVReader.Delimiter = .automatic) throws -> RawSheet {
        try CSVReader.read(Array(text.utf8), displayPath: "data/studies.csv", delimiter: delimiter)
    }

    private func failure(_ bytes: [UInt8]) -> String? {
        do {
            _ = try CSVReader.read(bytes, displayPath: "data/studies.csv")
            XCTFail("the sheet was read without an error")
            return nil
        } catch {
            return error.description
        }
    }

    /// Each cell as `line:column=text`, the two facts a diagnostic needs.
    private func placed(_ row: [RawCell]) -> [String] {
        row.map { "\($0.location.line ?? 0):\($0.location.column ?? 0)=\($0.text)" }
    }

    func testQuotedFieldsHoldCommasQuotesAndNewlinesAndLaterLinesStayRight() throws {
        let sheet = try read(
            #"""
            id,title,n
            A,"Comma, inside",1
            B,"He said ""no""",2
            C,"two
            lines
            here",3
            D,plain,4

            """#)
        XCTAssertEqual(sheet.header.texts, ["id", "title", "n"])
        XCTAssertEqual(
            sheet.rows.map(\.texts),
            [
                ["A", "Comma, inside", "1"], ["B", "He said \"no\"", "2"], ["C", "two\nlines\nhere", "3"],
                ["D", "plain", "4"],
            ])
        // The quoted field starts on line 4; the record after it is on line 7, as an editor counts.
        XCTAssertEqual(placed(sheet.rows[2]), ["4:1=C", "4:2=two\nlines\nhere", "6:3=3"])
        XCTAssertEqual(placed(sheet.rows[3]), ["7:1=D", "7:2=plain", "7:3=4"])
    }

    func testCRLFAndLoneCRLineEnds() throws {
        let crlf = try read("id,n\r\nA,1\r\nB,\"x\r\ny\"\r\nC,3\r\n")
        XCTAssertEqual(crlf.rows.map(\.texts), [["A", "1"], ["B", "x\r\ny"], ["C", "3"]])
        XCTAssertEqual(crlf.rows[2][0].location.line, 5)

        let cr = try read("id,n\rA,1\rB,\"x\ry\"\rC,3\r")
        XCTAssertEqual(cr.rows.map(\.texts), [["A", "1"], ["B", "x\ry"], ["C", "3"]])
        XCTAssertEqual(cr.rows.map { $0[0].location.line }, [2, 3, 5])
    }

    func testByteOrderMarkIsNotPartOfTheFirstColumnName() throws {
        let sheet = try CSVReader.read([0xEF, 0xBB, 0xBF] + Array("id,n\nA,1\n".utf8), displayPath: "s.csv")
        XCTAssertEqual(sheet.header.texts, ["id", "n"])
        XCTAssertEqual(sheet.header[0].location.description, "s.csv:1:1")
    }

    func testSemicolonAndTabSeparatorsAreDetectedFromTheHeader() throws {
        let german = try read("id;auc;note\nA;0,93;\"a; b\"\n")
        XCTAssertEqual(german.rows[0].texts, ["A", "0,93", "a; b"])
        let tabbed = try read("id\tauc\tnote\nA\t0.93\ta, b; c\n")
        XCTAssertEqual(tabbed.rows[0].texts, ["A", "0.93", "a, b; c"])
        // A configured separator wins over detection: here the commas are data.
        let configured = try read("id;note\nA;x,y,z\n", delimiter: .semicolon)
        XCTAssertEqual(configured.rows[0].texts, ["A", "x,y,z"])
        XCTAssertEqual(try read("id,note\nA,x;y\n", delimiter: .comma).rows[0].texts, ["A", "x;y"])
    }

    func testTrailingBlankLinesAndEmptyRowsAtTheEndAreNotRows() throws {
        let sheet = try read("id,n\nA,1\n\n,\n\r\n\n")
        XCTAssertEqual(sheet.rows.map(\.texts), [["A", "1"]])
        // A blank line between rows is skipped and does not shift the next row's line.
        let gap = try read("id,n\nA,1\n\nB,2\n")
        XCTAssertEqual(gap.rows.map { $0[0].location.line }, [2, 4])
    }

    func testShortRowsKeepTheirCellsAndTheValidatorPointsPastTheEnd() throws {
        let sheet = try read("id,year,n\nA,2019\nB\n")
        XCTAssertEqual(sheet.rows.map(\.texts), [["A", "2019"], ["B"]])
        let review = try TemporaryReview(
            self,
            files: [
                "review.yaml": Array(
                    """
                    metadata: {title: Short rows}
                    sheet: {file: studies.csv}
                    columns:
                      id: {type: text, required: true}
                      year: {type: year, required: true}
                      n: integer
                    """.utf8),
                "studies.csv": Array("id,year,n\nA,2019\nB\n".utf8),
            ])
        XCTAssertEqual(
            LoadFixtures.lines(of: review.load()),
            [
                "data/studies.csv:3:2: error: year: the cell is blank, but the codebook marks this column as required"
            ])
    }

    func testInvalidUTF8IsReportedWithItsByteOffset() {
        // "café" in Latin-1: 0xE9 is at byte offset 10, the 6th byte of line 2.
        let bytes = Array("id,n\nA,caf".utf8) + [0xE9] + Array(",1\n".utf8)
        XCTAssertEqual(
            failure(bytes),
            "data/studies.csv:2:6: error: the file is not valid UTF-8 (invalid byte 0xE9 at byte offset 10); "
                + "save it as \"CSV UTF-8\" (or name its encoding in review.yaml, e.g. 'encoding: windows-1252')"
        )
        // Overlong encodings and UTF-16 surrogates are not UTF-8 either.
        XCTAssertEqual(CSVReader.firstInvalidUTF8Offset([0x41, 0xC0, 0x80], from: 0), 1)
        XCTAssertEqual(CSVReader.firstInvalidUTF8Offset([0xED, 0xA0, 0x80], from: 0), 0)
        XCTAssertEqual(CSVReader.firstInvalidUTF8Offset(Array("Größe €𝄞".utf8), from: 0), nil)
        XCTAssertEqual(
            CSVReader.firstInvalidUTF8Offset([0x41, 0xE2, 0x82], from: 0), 1, "a cut-off sequence")
    }

    func testUnterminatedQuotePointsAtWhereItOpened() {
        XCTAssertEqual(
            failure(Array("id,note\nA,ok\nB,\"never closed\nC,3\n".utf8)),
            "data/studies.csv:3:2: error: a quoted field opened here is never closed; add the missing closing \" "
                + "(a quote inside a quoted field is written twice: \"\")")
    }

    func testEmptyFileAndFileOfBlankLinesHaveNoHeader() {
        let message =
            "data/studies.csv:1: error: the sheet is empty; its first row should be a header naming the columns"
        XCTAssertEqual(failure([]), message)
        XCTAssertEqual(failure(Array("\n\r\n".utf8)), message)
        XCTAssertEqual(failure([0xEF, 0xBB, 0xBF]), message)
    }

    func testTextAfterAClosingQuoteIsKeptAsSpreadsheetsDo() throws {
        XCTAssertEqual(try read("id,n\nA,\"x\"y\n").rows[0].texts, ["A", "xy"])
        XCTAssertEqual(
            try read("id,n\nA,\n").rows[0].texts, ["A"], "a blank last field is not kept: the row is short")
    }
}
