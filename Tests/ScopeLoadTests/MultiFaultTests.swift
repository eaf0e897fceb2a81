import ScopeDiagnostics
import XCTest

@testable import ScopeLoad

/// A sheet with many faults reports every one of them in one run, in reading order, although the
/// validator finds them column by column.
final class MultiFaultTests: XCTestCase {
    func testEveryProblemIsReportedOnceSortedByLocation() throws {
        let result = LoadFixtures.load("multi-fault")
        guard case .failure(.invalid(let diagnostics)) = result else {
            return XCTFail("the sheet must be invalid")
        }
        let csv = "multi-fault/studies.csv"
        XCTAssertEqual(
            diagnostics.map(\.description),
            [
                "multi-fault/review.yaml:24:8: error: subset 'mri': 'MRT' is not one of the values of 'modality'; "
                    + "did you mean 'MRI'?",
                "\(csv):2:3: error: n_patients: \"12a\" is not an integer",
                "\(csv):2:6: error: modality: \"MRT\" is not one of the codebook's values; did you mean \"MRI\"?",
                "\(csv):3:2: error: year: the cell is blank, but the codebook marks this column as required",
                "\(csv):3:5: error: auc: \"91\" is above 1, but fractions lie between 0 and 1; it looks like a "
                    + "percentage: write 0.91",
                "\(csv):3:7: error: methods: \"GAN\" is not one of the codebook's values (CNN, SVM, random forest); "
                    + "correct the cell, or add the value to the column's 'values' in the config",
                "\(csv):3:7: error: methods: \"SMV\" is not one of the codebook's values; did you mean \"SVM\"?",
                "\(csv):3:8: error: per_label = n_patients / n_labels cannot be computed for study B2020: division "
                    + "by zero (n_labels is 0); correct the value, or leave it blank if it is unknown",
                "\(csv):3:10: error: url: \"javascript:void(0)\" is refused: only http:// and https:// addresses are "
                    + "published as links",
                "\(csv):4:1: error: id: the study id \"A2019\" is already used on line 2; give each study its own id",
                "\(csv):4:9: error: doi: \"doi 1000/x\" is not a DOI; write it as 10.NNNN/suffix (a https://doi.org/ "
                    + "prefix is fine)",
            ])
        XCTAssertEqual(diagnostics, diagnostics.sortedByLocation())
        // The unparsable n_patients of A2019 is an error, not also a "metric without a sample size" warning.
        XCTAssertTrue(diagnostics.warnings.isEmpty)
    }
}
