import Foundation
import XCTest

@testable import ScopeLoad

/// The corpus of broken sheets and configs: one fault per folder under `Fixtures/broken/`, each with the
/// exact lines a user must see in `expected.txt` (no error line: the folder must load).
final class BrokenSheetCorpusTests: XCTestCase {
    func testEveryCaseReportsExactlyItsExpectedLines() throws {
        let cases = try FileManager.default.contentsOfDirectory(
            atPath: LoadFixtures.root.appendingPathComponent("broken").path
        ).sorted()
        XCTAssertGreaterThanOrEqual(cases.count, 25)
        for name in cases {
            let folder = "broken/\(name)"
            let expected = try LoadFixtures.textLines(
                LoadFixtures.root.appendingPathComponent(folder).appendingPathComponent("expected.txt"))
            let result = LoadFixtures.load(folder)
            let actual = LoadFixtures.lines(of: result)
            XCTAssertEqual(actual, expected, "\(folder): got\n\(actual.joined(separator: "\n"))")
            let mustFail = expected.contains { $0.contains(": error: ") }
            switch result {
            case .success: XCTAssertFalse(mustFail, "\(folder) loaded despite its errors")
            case .failure: XCTAssertTrue(mustFail, "\(folder) failed without an error")
            }
        }
    }

    func testHeaderOnlySheetLoadsAsZeroStudies() throws {
        let review = try XCTUnwrap(LoadFixtures.review("broken/header-only-sheet"))
        XCTAssertEqual(review.studyCount, 0)
        XCTAssertEqual(review.values["n_patients"], .numbers([]))
        XCTAssertEqual(review.subsets["mri"], [])
        XCTAssertEqual(review.values["per_label"], .numbers([]))
    }

    func testWarningsDoNotFailTheLoad() throws {
        let review = try XCTUnwrap(LoadFixtures.review("broken/needs-warning"))
        XCTAssertEqual(review.studyCount, 3)
        XCTAssertEqual(review.warnings.count, 1)
        XCTAssertEqual(review.values["n_patients"]?.numbers, [120, 80, nil])
    }

    func testAMissingSheetIsMissingInputNotInvalidData() {
        guard case .failure(.missingInput) = LoadFixtures.load("broken/sheet-file-missing") else {
            return XCTFail("a missing sheet must be reported as missing input (exit 66)")
        }
    }

    /// The base every broken case derives from must itself be valid, or a case could fail for two reasons.
    func testTheCorpusBaseLoadsCleanly() throws {
        let review = try XCTUnwrap(LoadFixtures.review("broken/frequency-of-text-column"))
        XCTAssertEqual(review.studyIDs, ["A2019", "B2020", "C2021"])
        XCTAssertTrue(review.warnings.isEmpty)
        XCTAssertEqual(review.values["per_label"]?.numbers, [60, 20, 15])
        XCTAssertEqual(review.subsets["mri"], [true, false, false])
        XCTAssertEqual(review.values["methods"]?.categories, [["CNN", "SVM"], ["random forest"], ["SVM"]])
        XCTAssertEqual(review.values["notes"], .texts(["first", "second, with a comma", nil]))
    }
}
