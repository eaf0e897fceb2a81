import XCTest

@testable import ScopeDiff

final class FigureDescriptionTests: XCTestCase {
    func testDescriptionIsReadWithEntitiesDecoded() {
        let svg =
            "<svg>\n  <title>T</title>\n  <desc id=\"x\">r &lt; 0.5 &amp; p &#8805; 0.05; &#x3C1; = 1</desc>\n</svg>"
        XCTAssertEqual(FigureChange.description(in: svg), "r < 0.5 & p ≥ 0.05; ρ = 1")
        XCTAssertNil(FigureChange.description(in: "<svg><title>T</title></svg>"))
    }

    func testPhrasesSplitAtSemicolonsAndSentenceEnds() {
        XCTAssertEqual(
            SegmentDiff.phrases("Metrics against samples. AUC: n = 15, r = 0.10; Accuracy: n = 10."),
            ["Metrics against samples", "AUC: n = 15, r = 0.10", "Accuracy: n = 10."])
    }

    func testOnlyTheChangedPhrasesAreQuoted() {
        let old =
            "Metrics. AUC: n = 15, p = 0.719; Accuracy: n = 10, p = 0.146; Sensitivity: n = 5, p = 0.397."
        let new =
            "Metrics. AUC: n = 16, p = 0.690; Accuracy: n = 10, p = 0.146; Sensitivity: n = 5, p = 0.397; Dice: n = 3."
        XCTAssertEqual(
            SegmentDiff.hunks(old: old, new: new),
            [
                TextHunk(old: "AUC: n = 15, p = 0.719", new: "AUC: n = 16, p = 0.690"),
                TextHunk(
                    old: "Sensitivity: n = 5, p = 0.397.", new: "Sensitivity: n = 5, p = 0.397; Dice: n = 3."),
            ])
        XCTAssertEqual(SegmentDiff.hunks(old: old, new: old), [])
        XCTAssertEqual(SegmentDiff.hunks(old: "", new: "A; B"), [TextHunk(old: "", new: "A; B")])
    }
}
