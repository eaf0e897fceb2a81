import Foundation
import XCTest

@testable import ScopeDiff

/// The whole text, Markdown and JSON of one diff that touches every section, compared exactly: the
/// wording is what people read, so a change to it is a reviewed change.
final class DiffFormatTests: XCTestCase {
    private func everySection() throws -> ReportDiff {
        var old = ReportFixture.base
        old.tables["journals"] = "Journal,Studies\nSarcoma,1\n"
        var new = ReportFixture.base
        new.studies["A2020"]!["auc"] = "0.85"
        new.studies["B2021"] = nil
        new.studies["C2022"] = ["id": "C2022", "auc": nil, "notes": "a | pipe *and* <b>"]
        new.results["prisma.records.identified"] = "500"
        new.results["correlations.m.auc.pearson.p"] = "0.01"
        new.results["descriptives.auc.median"] = "0.875"
        new.results["excluded.count"] = "3"
        new.tables["modalities"] = "Imaging modality,Studies,%\nMRI,2,66.7\nCT,1,33.3\n"
        new.figures["modalities.svg"] = ReportFixture.svg(
            "Imaging modalities. Studies per category (n = 3): MRI: 2; CT: 1.", bars: "<rect width=\"20\"/>")
        return try diff(old, new)
    }

    func testText() throws {
        XCTAssertEqual(
            try everySection().rendered(as: .text),
            """
            Studies: 1 added, 1 removed, 1 changed
              + C2022
              - B2021
              ~ A2020  auc: 0.8 → 0.85

            PRISMA counts: 1 changed
              PRISMA: records identified: 480 → 500  [prisma.records.identified]

            Results: 2 changed
              Pearson p of auc (m): 0.2 → 0.01  [correlations.m.auc.pearson.p]  now significant at α = 0.05
              median of auc: 0.85 → 0.875  [descriptives.auc.median]

            Result keys: 1 added
              + studies excluded: 3  [excluded.count]

            Tables: 1 removed, 1 changed
              - journals
              ~ modalities: 3 cells changed
                  MRI / Studies: 1 → 2
                  MRI / %: 50.0 → 66.7
                  CT / %: 50.0 → 33.3

            Figures: 1 changed
              ~ modalities.svg:
                  "Studies per category (n = 2): MRI: 1" → "Studies per category (n = 3): MRI: 2"

            """)
    }

    func testMarkdown() throws {
        XCTAssertEqual(
            try everySection().rendered(as: .markdown),
            """
            ## ScopeReport diff

            **Studies:** 1 added, 1 removed, 1 changed · **PRISMA counts:** 1 changed · **Results:** 2 changed · \
            **Result keys:** 1 added · **Tables:** 1 removed, 1 changed · **Figures:** 1 changed

            ### Studies

            Added: `C2022`  
            Removed: `B2021`  

            | Study | Column | Old | New |
            | --- | --- | --- | --- |
            | `A2020` | `auc` | 0.8 | 0.85 |

            ### PRISMA counts

            | Count | Key | Old | New |
            | --- | --- | --- | --- |
            | PRISMA: records identified | `prisma.records.identified` | 480 | 500 |

            ### Results

            | Result | Key | Old | New | Significance |
            | --- | --- | --- | --- | --- |
            | Pearson p of auc (m) | `correlations.m.auc.pearson.p` | 0.2 | 0.01 | **now significant at α = 0.05** |
            | median of auc | `descriptives.auc.median` | 0.85 | 0.875 |  |

            ### Result keys added or removed

            | Result | Key | Value |  |
            | --- | --- | --- | --- |
            | studies excluded | `excluded.count` | 3 | added |

            ### Tables

            Removed: `journals`  

            **modalities**: 3 cells changed

            | Row | Column | Old | New |
            | --- | --- | --- | --- |
            | MRI | Studies | 1 | 2 |
            | MRI | % | 50.0 | 66.7 |
            | CT | % | 50.0 | 33.3 |

            ### Figures

            | Figure | Old description | New description |
            | --- | --- | --- |
            | `modalities.svg` | Studies per category (n = 2): MRI: 1 | Studies per category (n = 3): MRI: 2 |

            """)
    }

    func testJSONHasEverySectionWithSortedKeys() throws {
        let json = try everySection().rendered(as: .json)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(object.keys.sorted(), ["figures", "prisma", "results", "studies", "tables"])
        let results = try XCTUnwrap(object["results"] as? [String: Any])
        let changed = try XCTUnwrap(results["changed"] as? [[String: Any]])
        XCTAssertEqual(changed.first?["key"] as? String, "correlations.m.auc.pearson.p")
        XCTAssertEqual(changed.first?["old"] as? Double, 0.2)
        let significance = try XCTUnwrap(changed.first?["significance"] as? [String: Any])
        XCTAssertEqual(significance["flipped"] as? Bool, true)
        XCTAssertEqual(significance["alpha"] as? Double, 0.05)
        XCTAssertTrue(json.contains("\"removed\" : [\n      \"B2021\"\n    ]"), json)
        XCTAssertTrue(
            json.contains("\"prisma\" : [\n    {\n      \"description\" : \"PRISMA: records identified\""),
            json)
        XCTAssertTrue(json.contains("\"added\" : []"), "empty arrays are written on one line:\n\(json)")
        XCTAssertEqual(try everySection().rendered(as: .json), json, "the same diff gives the same bytes")
    }

    func testDataTextIsEscapedInMarkdown() throws {
        var new = ReportFixture.base
        new.studies["A2020"]!["notes"] = "a | pipe *and* <b>x</b> [link](https://x)"
        let markdown = try diff(.base, new).rendered(as: .markdown)
        XCTAssertTrue(
            markdown.contains(
                "| `A2020` | `notes` | (blank) | a \\| pipe \\*and\\* \\<b\\>x\\</b\\> \\[link\\](https://x) |"
            ),
            markdown)
    }

    func testLongCellsAreCutAndLongTablesListTenCells() throws {
        var old = ReportFixture.base
        var new = ReportFixture.base
        new.studies["A2020"]!["notes"] = String(repeating: "x", count: 100)
        old.tables["years"] = "Year,Studies\n" + (2000..<2012).map { "\($0),1\n" }.joined()
        new.tables["years"] = "Year,Studies\n" + (2000..<2012).map { "\($0),2\n" }.joined()
        let text = try diff(old, new).rendered(as: .text)
        XCTAssertTrue(text.contains("notes: (blank) → " + String(repeating: "x", count: 79) + "…\n"), text)
        XCTAssertTrue(text.contains("  ~ years: 12 cells changed\n"), text)
        XCTAssertTrue(text.contains("      2009 / Studies: 1 → 2\n      … and 2 more\n"), text)
        XCTAssertFalse(text.contains("2010 / Studies"), text)
    }
}
