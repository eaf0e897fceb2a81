import Foundation
import XCTest

@testable import ScopeLoad

/// The default review loads with identical results from its CSV and from an Excel copy of the same
/// sheet (written by LibreOffice: `Fixtures/xlsx/studies.xlsx`).
final class SpreadsheetFormatsTests: XCTestCase {
    func testTheDefaultReviewLoadsIdenticallyFromCSVAndXLSX() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "xlsx-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: repository.appendingPathComponent("review-data"), to: folder)
        try FileManager.default.copyItem(
            at: LoadFixtures.root.appendingPathComponent("xlsx/studies.xlsx"),
            to: folder.appendingPathComponent("studies.xlsx"))

        let fromCSV = try XCTUnwrap(
            ReviewLoader(dataDirectory: folder, displayDirectory: "data").load().get())
        let config = folder.appendingPathComponent("review.yaml")
        let text = try String(contentsOf: config, encoding: .utf8)
        try text.replacingOccurrences(of: "file: studies.csv", with: "file: studies.xlsx")
            .write(to: config, atomically: true, encoding: .utf8)
        let fromXLSX = try XCTUnwrap(
            ReviewLoader(dataDirectory: folder, displayDirectory: "data").load().get())

        XCTAssertEqual(fromCSV.studyCount, 40)
        XCTAssertEqual(fromXLSX.studyIDs, fromCSV.studyIDs)
        XCTAssertEqual(fromXLSX.columns, fromCSV.columns)
        for column in fromCSV.columns {
            XCTAssertEqual(fromXLSX.values[column.name], fromCSV.values[column.name], column.name)
        }
        XCTAssertEqual(fromXLSX.subsets, fromCSV.subsets)
        // The same warnings, pointing at Excel cells instead of CSV lines.
        XCTAssertEqual(
            fromXLSX.warnings.map {
                $0.message.replacingOccurrences(of: "studies.xlsx", with: "studies.csv")
            },
            fromCSV.warnings.map(\.message))
        XCTAssertTrue(
            fromXLSX.warnings.contains { $0.location.cell?.hasSuffix("!Y5") == true }, "\(fromXLSX.warnings)")
    }
}

/// Each ceiling on a hostile or broken sheet gives a clear error naming the limit.
final class LoadLimitTests: XCTestCase {
    private func loadBase(limits: LoadLimits) -> [String] {
        let base = LoadFixtures.root.appendingPathComponent("german-export")
        let result = ReviewLoader(dataDirectory: base, displayDirectory: "data", limits: limits).load()
        return LoadFixtures.lines(of: result)
    }

    func testTooManyRows() {
        var limits = LoadLimits()
        limits.maxRows = 1
        XCTAssertTrue(
            loadBase(limits: limits).contains {
                $0.contains("error: the sheet has") && $0.contains("the limits are 1 rows")
            },
            "\(loadBase(limits: limits))")
    }

    func testTooManyColumns() {
        var limits = LoadLimits()
        limits.maxColumns = 2
        XCTAssertTrue(
            loadBase(limits: limits).contains {
                $0.contains("error: the sheet has") && $0.contains("and 2 columns")
            },
            "\(loadBase(limits: limits))")
    }

    func testHugeCell() {
        var limits = LoadLimits()
        limits.maxCellCharacters = 3
        XCTAssertTrue(
            loadBase(limits: limits).contains { $0.contains("above the limit of 3") },
            "\(loadBase(limits: limits))")
    }

    func testHugeFile() {
        var limits = LoadLimits()
        limits.maxFileBytes = 10
        XCTAssertTrue(
            loadBase(limits: limits).contains { $0.contains("above the limit of 10") },
            "\(loadBase(limits: limits))")
    }
}
