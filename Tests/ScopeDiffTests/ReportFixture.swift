import Foundation
import XCTest

@testable import ScopeDiff

/// A small hand-made report folder: only the files the diff reads.
struct ReportFixture {
    var results: [String: String] = [:]
    var studies: [String: [String: String?]] = [:]
    var tables: [String: String] = [:]
    var figures: [String: String] = [:]

    /// The minimal review both sides of most tests start from.
    static var base: ReportFixture {
        var fixture = ReportFixture()
        fixture.results = [
            "studies.count": "2",
            "prisma.records.identified": "480",
            "descriptives.auc.median": "0.85",
            "frequencies.modalities.mri.percent": "50",
            "frequencies.modalities.top.label": "\"MRI\"",
            "correlations.m.alpha": "0.05",
            "correlations.m.auc.pearson.p": "0.2",
            "correlations.m.auc.pearson.r": "0.3",
        ]
        fixture.studies = [
            "A2020": ["id": "A2020", "auc": "0.8", "notes": nil],
            "B2021": ["id": "B2021", "auc": "0.9", "notes": "hold-out"],
        ]
        fixture.tables = ["modalities": "Imaging modality,Studies,%\nMRI,1,50.0\nCT,1,50.0\n"]
        fixture.figures = [
            "modalities.svg": svg("Imaging modalities. Studies per category (n = 2): MRI: 1; CT: 1.")
        ]
        return fixture
    }

    static func svg(_ description: String, bars: String = "<rect width=\"10\"/>") -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <desc id=\"d\">\(description)</desc>\n  \(bars)\n</svg>\n"
    }

    func write(to folder: URL) throws -> URL {
        let manager = FileManager.default
        try manager.createDirectory(
            at: folder.appendingPathComponent("tables"), withIntermediateDirectories: true)
        try manager.createDirectory(
            at: folder.appendingPathComponent("figures"), withIntermediateDirectories: true)
        let resultLines = results.keys.sorted().map { "  \"\($0)\": \(results[$0]!)" }
        try ("{\n" + resultLines.joined(separator: ",\n") + "\n}\n").write(
            to: folder.appendingPathComponent("results.json"), atomically: true, encoding: .utf8)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try encoder.encode(studies).write(to: folder.appendingPathComponent("studies.json"))
        for (name, text) in tables {
            try text.write(
                to: folder.appendingPathComponent("tables/\(name).csv"), atomically: true, encoding: .utf8)
        }
        for (name, text) in figures {
            try text.write(
                to: folder.appendingPathComponent("figures/\(name)"), atomically: true, encoding: .utf8)
        }
        return folder
    }
}

extension XCTestCase {
    /// The diff of two fixtures, each written to its own folder under a fresh temporary folder.
    func diff(_ old: ReportFixture, _ new: ReportFixture) throws -> ReportDiff {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "scopediff-tests-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        let oldFolder = try old.write(to: root.appendingPathComponent("old"))
        let newFolder = try new.write(to: root.appendingPathComponent("new"))
        return ReportDiff(
            old: try ReportFolder(contentsOf: oldFolder), new: try ReportFolder(contentsOf: newFolder))
    }
}
