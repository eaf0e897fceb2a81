import ScopeDiagnostics
import XCTest

@testable import ScopeLoad

/// Config checks that need no sheet: each snippet is added to a minimal valid config.
final class ConfigDecoderTests: XCTestCase {
    private let base = """
        metadata: {title: T}
        sheet: {file: studies.csv}
        columns:
          id: {type: text, required: true}
          year: year
          n: integer
          note: text
          site: {type: category, values: [bone, soft tissue]}
          tags: {type: multi-category, values: [a, b], separator: "|"}

        """

    private func problems(_ extra: String, sheetFile: String = "studies.csv") -> [String] {
        var decoder = ConfigDecoder(file: "review.yaml")
        _ = decoder.decode(base.replacingOccurrences(of: "studies.csv", with: sheetFile) + extra)
        return decoder.diagnostics.sortedByLocation().map(\.description)
    }

    func testTheBaseIsValid() {
        XCTAssertEqual(problems(""), [])
    }

    func testSubsetsThatCouldNeverHoldAreRefused() {
        XCTAssertEqual(
            problems(
                "subsets:\n  recent: year >= twenty\n  big: n contains 3\n  ok: site == 'soft tissue' and n > 10\n"
            ),
            [
                "review.yaml:11:11: error: subset 'recent': 'year' is a year column, so 'twenty' should be a number "
                    + "(with \".\" as the decimal mark)",
                "review.yaml:12:8: error: subset 'big': 'contains' tests a text or multi-category column, and 'n' is an "
                    + "integer column; use ==, !=, <, <=, > or >=",
            ])
    }

    func testDerivedCountNeedsACategoryColumn() {
        XCTAssertEqual(
            problems("derived:\n  tag_count: count(tags)\n  wrong: count(n)\n  sites: site / 2\n"),
            [
                "review.yaml:12:10: error: derived column 'wrong': count(n) counts the values of a category column, "
                    + "and 'n' is an integer column",
                "review.yaml:13:10: error: derived column 'sites' uses 'site', which is a category column; arithmetic "
                    + "needs numeric columns; write count(site) to count its values",
            ])
    }

    func testSettingsThatDoNotApplyAreRefused() {
        XCTAssertEqual(
            problems("  extra: {type: integer, separator: ';', values: [1, 2]}\n"),
            [
                "review.yaml:10:37: error: 'separator' only applies to multi-category columns, not to integer",
                "review.yaml:10:50: error: 'values' only applies to category and multi-category columns, not to integer",
            ])
        var decoder = ConfigDecoder(file: "review.yaml")
        _ = decoder.decode(
            base.replacingOccurrences(
                of: "sheet: {file: studies.csv}", with: "sheet: {file: s.xlsx, decimal_mark: ','}"))
        XCTAssertEqual(
            decoder.diagnostics.map(\.description),
            [
                "review.yaml:2:37: error: 'decimal_mark' applies to CSV sheets only, and s.xlsx is an XLSX workbook; delete this line"
            ])
    }

    func testAnUnknownTypeIsReportedOnceWithoutCascading() {
        XCTAssertEqual(
            problems("  size: {type: numbr}\nsynthesis:\n  descriptives: [size]\n"),
            ["review.yaml:10:16: error: column 'size' has the unknown type 'numbr'; did you mean 'number'?"])
    }

    func testUnknownKeysListTheKnownOnesWhenNothingIsClose() {
        XCTAssertEqual(
            problems("presentation: {colour: blue}\n"),
            [
                "review.yaml:10:16: error: unknown key 'colour' in 'presentation'; the keys read here are 'alpha', "
                    + "'decimals', 'max_table_rows', 'p_value_decimals', 'p_value_floor', 'percent_decimals'"
            ])
    }

    func testStudyTableAndCorrelationPointAtTheBadEntry() {
        XCTAssertEqual(
            problems(
                """
                synthesis:
                  correlations:
                    - id: c
                      x: n
                      y: [year, site, nn]
                  study_table:
                    columns: [id, yeer]
                    link: note

                """),
            [
                "review.yaml:14:17: error: correlation: 'site' is a category column; a numeric column is needed",
                "review.yaml:14:23: error: correlation names the column 'nn', which is not in the codebook; did you "
                    + "mean 'n'?",
                "review.yaml:16:19: error: 'study_table' names the column 'yeer', which is not in the codebook; did you "
                    + "mean 'year'?",
                "review.yaml:17:11: error: 'study_table': 'link' names 'note', which is not a doi or url column",
            ])
    }

    func testDuplicateKeysPointAtTheSecondOne() {
        XCTAssertEqual(
            problems("  n: number\n"),
            [
                "review.yaml:10: error: the key 'n' appears twice in the same mapping; keep one of them (or rename it)"
            ])
    }
}
