import Foundation
import ScopeLoad
import XCTest

@testable import ScopeSynthesis

/// Synthesis over a small review written here, so every expected number can be counted by hand.
final class SynthesisTests: XCTestCase {
    private func review(claims: String = "") throws -> Review {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "synthesis-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let config = """
            metadata: {title: T}
            sheet: {file: s.csv, id: id}
            columns:
              id: {type: text, required: true}
              year: year
              kind: {type: category, values: [a, b, c], not_reported: [NR]}
              tags: {type: multi-category, values: [x, y, z]}
              n: integer
              score: fraction
            derived:
              per_tag: {formula: n / count(tags)}
            subsets:
              big: {where: n >= 50}
            synthesis:
              frequencies:
                - {id: years, column: year, continuous: true, order: codebook}
                - {id: kinds, column: kind}
                - {id: tags, column: tags, subset: big}
              crosstabs:
                - {id: kind-by-tag, rows: kind, columns: tags}
              descriptives: [n, score]
              correlations:
                - {id: score-vs-n, x: n, y: [score, per_tag]}
            \(claims)
            """
        try config.write(to: folder.appendingPathComponent("review.yaml"), atomically: true, encoding: .utf8)
        try """
        id,year,kind,tags,n,score
        s1,2018,a,x;y,10,0.5
        s2,2020,b,x,60,0.7
        s3,2020,NR,z,100,0.9
        s4,2021,,x;z,80,
        s5,2021,a,y,40,0.6

        """.write(to: folder.appendingPathComponent("s.csv"), atomically: true, encoding: .utf8)
        return try ReviewLoader(dataDirectory: folder, displayDirectory: "d").load().get()
    }

    func testFrequencyTables() throws {
        let results = Synthesis.run(try review())
        let years = try XCTUnwrap(results.frequency("years"))
        XCTAssertEqual(
            years.rows.map(\.label), ["2018", "2019", "2020", "2021"], "every year, zeros included")
        XCTAssertEqual(years.rows.map(\.count), [1, 0, 2, 2])
        let kinds = try XCTUnwrap(results.frequency("kinds"))
        XCTAssertEqual(kinds.rows.map(\.label), ["a", "b", "NR"], "blank and NR counted together, last")
        XCTAssertEqual(kinds.rows.map(\.count), [2, 1, 2])
        XCTAssertEqual(kinds.rows.last?.isNotReported, true)
        let tags = try XCTUnwrap(results.frequency("tags"))
        XCTAssertEqual(tags.base, 3, "the subset n >= 50")
        XCTAssertTrue(tags.multiValued)
        XCTAssertEqual(tags.rows.map(\.label), ["x", "z"])
        XCTAssertEqual(tags.rows.map(\.count), [2, 2])
        XCTAssertEqual(tags.rows.map(\.percent), [200.0 / 3, 200.0 / 3])
        XCTAssertEqual(results.values["frequencies.kinds.nr.count"], .count(2))
        XCTAssertEqual(results.values["frequencies.kinds.top.label"], .text("a"))
        XCTAssertEqual(results.values["frequencies.years.2019.count"], .count(0))
        // Years run in calendar order; the top is the most frequent (2020 and 2021 tie: the first shown).
        XCTAssertEqual(results.values["frequencies.years.top.label"], .text("2020"))
        XCTAssertEqual(results.values["frequencies.years.top.count"], .count(2))
    }

    func testCrossTabulationCountsEveryPair() throws {
        let table = try XCTUnwrap(Synthesis.run(try review()).crosstab("kind-by-tag"))
        XCTAssertEqual(table.rowCategories, ["a", "b", "NR"])
        XCTAssertEqual(table.columnCategories, ["x", "y", "z"])
        XCTAssertEqual(table.counts, [[1, 2, 0], [1, 0, 0], [1, 0, 2]])
    }

    func testDescriptivesAndCorrelationsLandUnderStableKeys() throws {
        let values = Synthesis.run(try review()).values
        XCTAssertEqual(values["descriptives.n.n"], .count(5))
        XCTAssertEqual(values["descriptives.n.median"], .measure(60))
        XCTAssertEqual(values["descriptives.score.missing"], .count(1))
        XCTAssertEqual(values["descriptives.score.q1"], .statistic(0.575))
        XCTAssertEqual(values["correlations.score-vs-n.score.n"], .count(4))
        XCTAssertEqual(values["correlations.score-vs-n.score.skipped"], .count(1))
        guard case .statistic(let r)? = values["correlations.score-vs-n.score.pearson.r"] else {
            return XCTFail("r is computed")
        }
        // scipy.stats.pearsonr([10, 60, 100, 40], [0.5, 0.7, 0.9, 0.6]).statistic
        XCTAssertEqual(r, 0.9953106423895012, accuracy: 1e-12)
        XCTAssertNotNil(values["correlations.score-vs-n.score.pearson.p_holm"])
        XCTAssertEqual(values["correlations.score-vs-n.significant.pearson"], .count(1))
    }

    func testClaims() throws {
        let claims = """
            claims:
              - {id: count, text: five studies, key: studies.count, expected: 5}
              - {id: wrong, text: six studies, key: studies.count, expected: 6}
              - {id: sig, text: score rises with n, key: correlations.score-vs-n.score.pearson.p, significant: true}
              - {id: search, text: 480 records, published: "480"}
              - {id: typo, text: typo, key: studies.cuont, expected: 5}
            """
        let results = Synthesis.run(try review(claims: claims), configPath: "d/review.yaml")
        XCTAssertEqual(results.claims.map(\.status), [.reproduced, .differs, .reproduced, .notRecomputable])
        XCTAssertEqual(
            results.diagnostics.map(\.description),
            [
                "d/review.yaml:26: warning: claim 'wrong' (six studies) no longer holds: studies.count is 5, expected 6",
                "d/review.yaml:29: error: claim 'typo' names the result 'studies.cuont', which this review does not have; did you mean 'studies.count'?",
            ])
        let strict = Synthesis.run(try review(claims: claims), configPath: "d/review.yaml", strict: true)
        XCTAssertTrue(strict.diagnostics[0].description.contains(": error: claim 'wrong'"))
    }
}
