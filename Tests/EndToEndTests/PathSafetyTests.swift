import Foundation
import XCTest

/// Inputs stay inside their folders, and the output folder is never one that holds anything else.
final class PathSafetyTests: XCTestCase {
    func testASymlinkOutOfTheDataFolderIsRefused() throws {
        let folder = try temporaryFolder(self)
        try copyDefaultReview(to: folder)
        let secret = folder.appendingPathComponent("secret.csv")
        try Data("id\nx\n".utf8).write(to: secret)
        let sheet = folder.appendingPathComponent("review-data/studies.csv")
        try FileManager.default.removeItem(at: sheet)
        try FileManager.default.createSymbolicLink(at: sheet, withDestinationURL: secret)
        let run = try ScopeReportRun.run(["validate"], in: folder)
        XCTAssertEqual(run.status, 65, run.stderr)
        XCTAssertTrue(
            run.stderr.contains("review-data/studies.csv: error: this file lies outside the data folder"),
            run.stderr)
    }

    func testAPartialThatClimbsOutOfTheTemplatesIsRefused() throws {
        let folder = try temporaryFolder(self)
        try copyDefaultReview(to: folder)
        let report = folder.appendingPathComponent("templates/report.md")
        try "# {{metadata.title}}\n\n{{> ../../etc/passwd}}\n".write(
            to: report, atomically: true, encoding: .utf8)
        let run = try ScopeReportRun.run(["build"], in: folder)
        XCTAssertEqual(run.status, 65, run.stderr)
        XCTAssertTrue(
            run.stderr.contains(
                "templates/report.md:3:1: error: partial '../../etc/passwd' must be a name inside the templates folder"
            ),
            run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("_report").path))
    }

    func testTheOutputFolderCannotBeAnInputOrTheProjectRoot() throws {
        let folder = try temporaryFolder(self)
        try copyDefaultReview(to: folder)
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
        for (out, reason) in [
            ("review-data", "is the data folder"), ("templates", "is the templates folder"),
            (".", "is the current folder"), ("/", "is the file system's root"),
        ] {
            let run = try ScopeReportRun.run(["build", "--out", out], in: folder)
            XCTAssertEqual(run.status, 64, "\(out): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains("--out \(out) \(reason)"), run.stderr)
        }
        let parent = try ScopeReportRun.run(["build", "--out", "..", "--data", "review-data"], in: folder)
        XCTAssertNotEqual(parent.status, 0, "the folder holding the inputs is refused")
        // The same folders reached through a symlink or a detour are the same folders.
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("link"),
            withDestinationURL: folder.appendingPathComponent("review-data"))
        for out in ["link", "templates/../review-data", "./templates/", "link/.."] {
            let run = try ScopeReportRun.run(["build", "--out", out], in: folder)
            XCTAssertEqual(run.status, 64, "\(out): \(run.stderr)")
        }
        // A new folder under a symlinked parent is fine.
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("elsewhere"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("to-elsewhere"),
            withDestinationURL: folder.appendingPathComponent("elsewhere"))
        let fine = try ScopeReportRun.run(["build", "--out", "to-elsewhere/new/report"], in: folder)
        XCTAssertEqual(fine.status, 0, fine.stderr)
    }
}
