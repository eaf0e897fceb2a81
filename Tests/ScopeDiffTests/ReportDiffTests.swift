import Foundation
import XCTest

@testable import ScopeDiff

final class ReportDiffTests: XCTestCase {
    func testIdenticalReportsHaveNoDifferences() throws {
        XCTAssertTrue(try diff(.base, .base).isEmpty)
    }

    func testStudiesAddedRemovedAndChangedCells() throws {
        var new = ReportFixture.base
        new.studies["A2020"] = ["id": "A2020", "auc": "0.85", "notes": "checked"]
        new.studies["B2021"] = nil
        new.studies["C2022"] = ["id": "C2022", "auc": nil, "notes": nil]
        let studies = try diff(.base, new).studies
        XCTAssertEqual(studies.added, ["C2022"])
        XCTAssertEqual(studies.removed, ["B2021"])
        XCTAssertEqual(
            studies.changed,
            [
                StudyCellChange(study: "A2020", column: "auc", old: "0.8", new: "0.85"),
                StudyCellChange(study: "A2020", column: "notes", old: nil, new: "checked"),
            ])
        XCTAssertEqual(studies.changedStudyCount, 1)
    }

    func testAColumnAddedBlankIsNoChange() throws {
        var new = ReportFixture.base
        new.studies["A2020"]!["dice"] = .some(nil)
        XCTAssertTrue(try diff(.base, new).isEmpty)
    }

    func testPrismaCountsAreReportedApartFromOtherResults() throws {
        var new = ReportFixture.base
        new.results["prisma.records.identified"] = "500"
        new.results["descriptives.auc.median"] = "0.9"
        let results = try diff(.base, new).results
        XCTAssertEqual(results.prisma.map(\.key), ["prisma.records.identified"])
        XCTAssertEqual(results.prisma.first?.old, .number(480))
        XCTAssertEqual(results.prisma.first?.new, .number(500))
        XCTAssertEqual(results.changed.map(\.key), ["descriptives.auc.median"])
        XCTAssertEqual(results.changed.first?.description, "median of auc")
    }

    func testKeysAddedAndRemovedAndTextAndNullValues() throws {
        var new = ReportFixture.base
        new.results["correlations.m.auc.pearson.r"] = nil
        new.results["excluded.count"] = "3"
        new.results["frequencies.modalities.top.label"] = "\"CT\""
        new.results["descriptives.auc.median"] = "null"
        let results = try diff(.base, new).results
        XCTAssertEqual(
            results.added,
            [ResultEntry(key: "excluded.count", description: "studies excluded", value: .number(3))])
        XCTAssertEqual(results.removed.map(\.key), ["correlations.m.auc.pearson.r"])
        XCTAssertEqual(
            results.changed.map(\.key), ["descriptives.auc.median", "frequencies.modalities.top.label"])
        XCTAssertEqual(results.changed[0].new, .null)
        XCTAssertEqual(results.changed[1].old, .text("MRI"))
        XCTAssertEqual(results.changed[1].new, .text("CT"))
    }

    func testSignificanceFlipsAtTheNewReportsAlpha() throws {
        var old = ReportFixture.base
        old.results["correlations.m.auc.pearson.p"] = "0.08"
        old.results["correlations.m.auc.spearman.p_holm"] = "0.3"
        old.results["correlations.m.auc.kendall.p_bh"] = "0.01"
        var new = old
        // α = 0.1 in the new report: 0.08 was significant at it, 0.12 is not.
        new.results["correlations.m.alpha"] = "0.1"
        new.results["correlations.m.auc.pearson.p"] = "0.12"
        new.results["correlations.m.auc.spearman.p_holm"] = "0.4"
        new.results["correlations.m.auc.kendall.p_bh"] = "0.2"
        new.results["correlations.m.auc.pearson.r"] = "0.1"
        let changes = Dictionary(
            uniqueKeysWithValues: try diff(old, new).results.changed.map { ($0.key, $0) })
        let pearson = try XCTUnwrap(changes["correlations.m.auc.pearson.p"]?.significance)
        XCTAssertEqual(pearson, Significance(alpha: 0.1, wasSignificant: true, isSignificant: false))
        XCTAssertEqual(pearson.flipText, "no longer significant at α = 0.1")
        XCTAssertEqual(changes["correlations.m.auc.spearman.p_holm"]?.significance?.flipped, false)
        XCTAssertNil(changes["correlations.m.auc.spearman.p_holm"]?.significance?.flipText)
        XCTAssertEqual(
            changes["correlations.m.auc.kendall.p_bh"]?.significance?.flipText,
            "no longer significant at α = 0.1")
        XCTAssertNil(changes["correlations.m.auc.pearson.r"]?.significance, "r is not a p-value")
    }

    func testAlphaDefaultsToFivePercentAndPEqualToAlphaIsNotSignificant() throws {
        var old = ReportFixture.base
        old.results["correlations.m.alpha"] = nil
        old.results["correlations.m.auc.pearson.p"] = "0.04"
        var new = old
        new.results["correlations.m.auc.pearson.p"] = "0.05"
        let change = try XCTUnwrap(try diff(old, new).results.changed.first)
        XCTAssertEqual(change.significance?.flipText, "no longer significant at α = 0.05")
    }

    func testAPValueThatBecomesNotComputableHasNoSignificanceStatement() throws {
        var new = ReportFixture.base
        new.results["correlations.m.auc.pearson.p"] = "null"
        let change = try XCTUnwrap(try diff(.base, new).results.changed.first)
        XCTAssertNil(change.significance)
    }

    func testTablesAddedRemovedAndChanged() throws {
        var new = ReportFixture.base
        new.tables["modalities"] = "Imaging modality,Studies,%\nMRI,2,66.7\nCT,1,33.3\n"
        new.tables["countries"] = "Country,Studies\nChina,1\n"
        var old = ReportFixture.base
        old.tables["journals"] = "Journal,Studies\nSarcoma,1\n"
        let tables = try diff(old, new).tables
        XCTAssertEqual(tables.added, ["countries"])
        XCTAssertEqual(tables.removed, ["journals"])
        XCTAssertEqual(tables.changed.map(\.table), ["modalities"])
        XCTAssertEqual(
            tables.changed.first?.cells,
            [
                TableCellChange(row: "MRI", column: "Studies", old: "1", new: "2"),
                TableCellChange(row: "MRI", column: "%", old: "50.0", new: "66.7"),
                TableCellChange(row: "CT", column: "%", old: "50.0", new: "33.3"),
            ])
    }

    func testFiguresAddedRemovedAndChanged() throws {
        var new = ReportFixture.base
        new.figures["modalities.svg"] = ReportFixture.svg(
            "Imaging modalities. Studies per category (n = 3): MRI: 2; CT: 1.", bars: "<rect width=\"20\"/>")
        new.figures["countries.svg"] = ReportFixture.svg("Countries.")
        var old = ReportFixture.base
        old.figures["journals.svg"] = ReportFixture.svg("Journals.")
        let figures = try diff(old, new).figures
        XCTAssertEqual(figures.added, ["countries.svg"])
        XCTAssertEqual(figures.removed, ["journals.svg"])
        XCTAssertEqual(figures.changed.count, 1)
        XCTAssertEqual(
            figures.changed.first?.changes,
            [
                TextHunk(
                    old: "Studies per category (n = 2): MRI: 1", new: "Studies per category (n = 3): MRI: 2")
            ])
    }

    func testAFigureWhoseDrawingAloneChangedIsListedWithoutDescriptionChanges() throws {
        var new = ReportFixture.base
        new.figures["modalities.svg"] = ReportFixture.svg(
            "Imaging modalities. Studies per category (n = 2): MRI: 1; CT: 1.", bars: "<rect width=\"11\"/>")
        let figures = try diff(.base, new).figures
        XCTAssertEqual(figures.changed.map(\.figure), ["modalities.svg"])
        XCTAssertEqual(figures.changed.first?.changes, [])
    }

    func testAFolderWithoutResultsIsTrouble() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "scopediff-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        XCTAssertThrowsError(try ReportFolder(contentsOf: folder)) { error in
            XCTAssertEqual(
                (error as? DiffTrouble)?.description, "\(folder.path)/results.json: cannot read this file")
        }
    }
}
