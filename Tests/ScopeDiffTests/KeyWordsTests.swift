import ScopeDiagnostics
import XCTest

@testable import ScopeDiff

final class KeyWordsTests: XCTestCase {
    private let words = KeyWords(
        labels: CategoryLabels(
            tables: [
                [["Imaging modality", "Studies", "%"], ["MRI", "23", "57.5"], ["CT", "6", "15.0"]],
                [["Imaging modality", "diagnosis", "treatment-response"], ["MRI", "13", "5"]],
            ],
            fallback: [[["Country", "Studies"], ["South Korea", "3"], ["MRI", "1"]]]))

    func testEveryKindOfKeyInWords() {
        let expected = [
            "studies.count": "studies included",
            "excluded.count": "studies excluded",
            "subsets.diagnosis.percent": "studies in the diagnosis subset (%)",
            "prisma.records.not_retrieved": "PRISMA: records not retrieved",
            "frequencies.modalities.mri.percent": "studies with MRI in modalities (%)",
            "frequencies.modalities.ct.count": "studies with CT in modalities",
            "frequencies.countries.south-korea.count": "studies with South Korea in countries",
            "frequencies.modalities.base": "studies counted in modalities",
            "frequencies.modalities.categories": "categories with studies in modalities",
            "frequencies.modalities.top.label": "most frequent category in modalities",
            "frequencies.modalities.top.percent": "studies in the most frequent category of modalities (%)",
            "crosstabs.modality-by-task.mri.treatment-response":
                "studies with MRI and treatment-response in modality-by-task",
            "descriptives.n_patients.median": "median of n_patients",
            "descriptives.n_patients.sd": "standard deviation of n_patients",
            "descriptives.n_patients.n": "studies reporting n_patients",
            "descriptives.samples_per_label.diagnosis.q1":
                "first quartile of samples_per_label (diagnosis studies)",
            "descriptives.samples_per_label.diagnosis.missing":
                "studies not reporting samples_per_label (diagnosis studies)",
            "correlations.metrics-vs-samples.alpha": "significance level α of metrics-vs-samples",
            "correlations.metrics-vs-samples.tests": "Pearson correlations computed in metrics-vs-samples",
            "correlations.metrics-vs-samples.significant.pearson_holm":
                "significant Pearson (Holm-adjusted) correlations in metrics-vs-samples",
            "correlations.metrics-vs-samples.auc.n": "studies with both values for auc (metrics-vs-samples)",
            "correlations.metrics-vs-samples.auc.pearson.p": "Pearson p of auc (metrics-vs-samples)",
            "correlations.metrics-vs-samples.auc.pearson.p_holm":
                "Pearson p (Holm) of auc (metrics-vs-samples)",
            "correlations.metrics-vs-samples.auc.kendall.p_bh":
                "Kendall p (Benjamini–Hochberg) of auc (metrics-vs-samples)",
            "correlations.metrics-vs-samples.auc.spearman.rho": "Spearman ρ of auc (metrics-vs-samples)",
            "correlations.metrics-vs-samples.auc.pearson.ci_low":
                "lower 95 % CI bound of Pearson r of auc (metrics-vs-samples)",
            "correlations.metrics-vs-samples.auc.fit.slope":
                "slope of the fitted line of auc (metrics-vs-samples)",
            "correlations.metrics-vs-samples.dice.kendall.reason":
                "why Kendall is not computable for dice (metrics-vs-samples)",
            "claims.studies-included.recomputed": "recomputed value of claim studies-included",
            "claims.studies-included.status": "status of claim studies-included",
        ]
        for (key, description) in expected.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(words.describe(key), description, key)
        }
    }

    func testAnUnknownShapeReadsAsTheKey() {
        for key in [
            "something.new", "descriptives.auc.kurtosis", "correlations.m.auc.pearson.z", "studies.total",
        ] {
            XCTAssertEqual(words.describe(key), key)
        }
    }

    func testASegmentWithTwoDifferentLabelsReadsAsItself() {
        let labels = CategoryLabels(
            tables: [[["Journal"], ["eBioMedicine"], ["EBioMedicine"]]], fallback: [])
        XCTAssertEqual(labels["ebiomedicine"], "ebiomedicine")
        XCTAssertEqual(labels["journal"], "Journal")
    }

    func testSegmentsAreMadeAsTheBuildMakesThem() {
        XCTAssertEqual(ResultKey.segment("South Korea"), "south-korea")
        XCTAssertEqual(ResultKey.segment("k-nearest neighbours"), "k-nearest-neighbours")
        XCTAssertEqual(ResultKey.segment("MAGMA (Magnetic Resonance)"), "magma-magnetic-resonance")
        XCTAssertEqual(ResultKey.segment("%"), "blank")
    }
}
