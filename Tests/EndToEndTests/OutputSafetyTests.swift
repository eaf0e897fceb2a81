import Foundation
import XCTest

/// Nothing outside the report is ever lost or written: a build replaces only a folder it wrote itself,
/// cleans up only the names it makes, and follows no symlink planted beside the folder.
final class OutputSafetyTests: XCTestCase {
    private let manager = FileManager.default

    /// A web app's folder has a manifest.json of its own: it is not a report.
    func testAFolderWithAnotherProgramsManifestIsLeftWhole() throws {
        let folder = try reviewFolder()
        let app = folder.appendingPathComponent("my-app")
        try write(#"{"name": "my-app", "start_url": "/"}"#, to: app.appendingPathComponent("manifest.json"))
        try write("app", to: app.appendingPathComponent("app.js"))
        try write("main", to: app.appendingPathComponent("src/main.js"))
        let before = try snapshot(app)
        let run = try ScopeReportRun.run(["build", "--out", "my-app"], in: folder)
        XCTAssertEqual(run.status, 73, run.stderr)
        XCTAssertTrue(run.stderr.contains("its manifest.json was not written by scopereport"), run.stderr)
        XCTAssertEqual(try snapshot(app), before)
        XCTAssertFalse(manager.fileExists(atPath: folder.appendingPathComponent(".my-app.lock").path))
    }

    /// A file added to a report by hand is not deleted by the next build, and `--check` names it.
    func testAFileAddedToTheReportByHandIsKeptAndReportedStale() throws {
        let folder = try reviewFolder()
        XCTAssertEqual(try ScopeReportRun.run(["build"], in: folder).status, 0)
        try write("mine", to: folder.appendingPathComponent("_report/notes.txt"))
        let run = try ScopeReportRun.run(["build"], in: folder)
        XCTAssertEqual(run.status, 73, run.stderr)
        XCTAssertTrue(run.stderr.contains("it holds what scopereport did not write (notes.txt)"), run.stderr)
        XCTAssertEqual(
            try String(contentsOf: folder.appendingPathComponent("_report/notes.txt"), encoding: .utf8),
            "mine")
        let check = try ScopeReportRun.run(["build", "--check"], in: folder)
        XCTAssertEqual(check.status, 1, check.stdout + check.stderr)
        XCTAssertTrue((check.stdout + check.stderr).contains("_report/notes.txt: stale"), check.stdout)
        XCTAssertTrue(
            (check.stdout + check.stderr).contains("1 file differs from a fresh build"), check.stdout)
    }

    /// Restoring an output that was deleted by hand is a change, and says so.
    func testRestoringADeletedOutputCountsAsAChange() throws {
        let folder = try reviewFolder()
        XCTAssertEqual(try ScopeReportRun.run(["build"], in: folder).status, 0)
        try manager.removeItem(at: folder.appendingPathComponent("_report/figures/prisma.svg"))
        let run = try ScopeReportRun.run(["build"], in: folder)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue((run.stdout + run.stderr).contains("(1 file changed)"), run.stderr)
        XCTAssertTrue(
            manager.fileExists(atPath: folder.appendingPathComponent("_report/figures/prisma.svg").path))
    }

    /// `.rep.old-1.lock` starts like a leftover of `rep` but is another output's lock file.
    func testOnlyTheExactLeftoverNamesAreCleanedUp() throws {
        let folder = try reviewFolder()
        for name in [".rep.old-1.lock", ".rep.staging-x", ".rep.old-", ".report.old-1"] {
            try write(name, to: folder.appendingPathComponent(name))
        }
        XCTAssertEqual(try ScopeReportRun.run(["build", "--out", "rep"], in: folder).status, 0)
        for name in [".rep.old-1.lock", ".rep.staging-x", ".rep.old-", ".report.old-1"] {
            XCTAssertEqual(
                try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8), name, name)
        }
        XCTAssertTrue(manager.fileExists(atPath: folder.appendingPathComponent("rep/index.html").path))
        let again = try ScopeReportRun.run(["build", "--out", "rep", "--force"], in: folder)
        XCTAssertEqual(again.status, 0, again.stderr)
    }

    /// Symlinks planted under the names a build uses beside the folder are never written through.
    func testPlantedSymlinksBesideTheFolderAreNotFollowed() throws {
        let folder = try reviewFolder()
        XCTAssertEqual(try ScopeReportRun.run(["build", "--out", "rep"], in: folder).status, 0)
        let victim = folder.appendingPathComponent("victim.txt")
        try write("keep", to: victim)
        // The stat cache of earlier versions: a no-op build must not write it, nor through it.
        try manager.createSymbolicLink(
            at: folder.appendingPathComponent(".rep.checked"), withDestinationURL: victim)
        XCTAssertEqual(try ScopeReportRun.run(["build", "--out", "rep"], in: folder).status, 0)
        XCTAssertEqual(try String(contentsOf: victim, encoding: .utf8), "keep")
        // A lock file that is a symlink is refused, and what it points to is not created.
        let target = folder.appendingPathComponent("created-by-the-build")
        try manager.removeItem(at: folder.appendingPathComponent(".rep.lock"))
        try manager.createSymbolicLink(
            at: folder.appendingPathComponent(".rep.lock"), withDestinationURL: target)
        let run = try ScopeReportRun.run(["build", "--out", "rep", "--force"], in: folder)
        XCTAssertEqual(run.status, 73, run.stderr)
        XCTAssertTrue(run.stderr.contains("is a symbolic link"), run.stderr)
        XCTAssertFalse(manager.fileExists(atPath: target.path))
        // A staging name planted as a symlink to a folder: the folder keeps its files.
        try manager.removeItem(at: folder.appendingPathComponent(".rep.lock"))
        let precious = folder.appendingPathComponent("precious")
        try write("thesis", to: precious.appendingPathComponent("thesis.tex"))
        try manager.createSymbolicLink(
            at: folder.appendingPathComponent(".rep.staging-1"), withDestinationURL: precious)
        XCTAssertEqual(try ScopeReportRun.run(["build", "--out", "rep", "--force"], in: folder).status, 0)
        XCTAssertEqual(try snapshot(precious), ["thesis.tex": Data("thesis".utf8)])
    }

    /// An --out that is refused gets nothing beside it: the check comes before the lock.
    func testARefusedOutputFolderGetsNoLockFile() throws {
        let folder = try reviewFolder()
        try write("thesis", to: folder.appendingPathComponent("precious/thesis.tex"))
        let run = try ScopeReportRun.run(["build", "--out", "precious"], in: folder)
        XCTAssertEqual(run.status, 73, run.stderr)
        XCTAssertFalse(manager.fileExists(atPath: folder.appendingPathComponent(".precious.lock").path))
        let device = try ScopeReportRun.run(["build", "--out", "/dev/null"], in: folder)
        XCTAssertNotEqual(device.status, 0, device.stderr)
        XCTAssertTrue(device.stderr.contains("it is not a folder"), device.stderr)
        XCTAssertFalse(manager.fileExists(atPath: "/dev/.null.lock"))
    }

    /// `generate --out` into a review's own folder would replace its sheet with made-up studies.
    func testGenerateRefusesAFolderThatHoldsFilesUnlessForced() throws {
        let folder = try reviewFolder()
        let sheet = folder.appendingPathComponent("review-data/studies.csv")
        let before = try Data(contentsOf: sheet)
        let arguments = ["generate", "--studies", "3", "--like", "review-data", "--out", "review-data"]
        let run = try ScopeReportRun.run(arguments, in: folder)
        XCTAssertEqual(run.status, 73, run.stderr)
        XCTAssertTrue(
            run.stderr.contains("review-data: error: refusing to write review-data: it is not empty"),
            run.stderr)
        XCTAssertEqual(try Data(contentsOf: sheet), before)
        let empty = folder.appendingPathComponent("empty")
        try manager.createDirectory(at: empty, withIntermediateDirectories: true)
        let fresh = try ScopeReportRun.run(
            ["generate", "--studies", "3", "--like", "review-data", "--out", "empty"], in: folder)
        XCTAssertEqual(fresh.status, 0, fresh.stderr)
        let forced = try ScopeReportRun.run(arguments + ["--force"], in: folder)
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertNotEqual(try Data(contentsOf: sheet), before)
    }

    /// A template that is a symlink out of the templates folder is an error, not an empty file.
    func testASymlinkedTemplateOutsideTheFolderIsRefused() throws {
        let folder = try reviewFolder()
        XCTAssertEqual(try ScopeReportRun.run(["build"], in: folder).status, 0)
        let before = try snapshot(folder.appendingPathComponent("_report"))
        let style = folder.appendingPathComponent("templates/style.css")
        let outside = folder.appendingPathComponent("outside.css")
        try manager.moveItem(at: style, to: outside)
        try manager.createSymbolicLink(at: style, withDestinationURL: outside)
        let run = try ScopeReportRun.run(["build"], in: folder)
        XCTAssertEqual(run.status, 65, run.stderr)
        XCTAssertTrue(
            run.stderr.contains(
                "templates/style.css: error: this file is a symbolic link to something outside the templates folder"
            ),
            run.stderr)
        XCTAssertEqual(try snapshot(folder.appendingPathComponent("_report")), before)
        // A link that stays inside the folder is read as the file it names.
        try manager.removeItem(at: style)
        try manager.moveItem(at: outside, to: folder.appendingPathComponent("templates/site.css"))
        try manager.createSymbolicLink(
            at: style, withDestinationURL: folder.appendingPathComponent("templates/site.css"))
        let inside = try ScopeReportRun.run(["build"], in: folder)
        XCTAssertEqual(inside.status, 0, inside.stderr)
    }

    /// An absolute `file:` names no file of the data folder.
    func testAnAbsoluteSheetPathLiesOutsideTheDataFolder() throws {
        let folder = try reviewFolder()
        let config = folder.appendingPathComponent("review-data/review.yaml")
        let text = try String(contentsOf: config, encoding: .utf8)
        XCTAssertTrue(text.contains("\n  file: studies.csv\n"))
        try text.replacingOccurrences(of: "\n  file: studies.csv\n", with: "\n  file: /etc/passwd\n")
            .write(to: config, atomically: true, encoding: .utf8)
        let run = try ScopeReportRun.run(["validate"], in: folder)
        XCTAssertEqual(run.status, 65, run.stderr)
        XCTAssertTrue(
            run.stderr.contains(
                "/etc/passwd: error: this file lies outside the data folder; refusing to read it"),
            run.stderr)
    }

    private func reviewFolder(_ name: String = #function) throws -> URL {
        let folder = try temporaryFolder(self, name)
        try copyDefaultReview(to: folder)
        return folder
    }

    private func write(_ text: String, to url: URL) throws {
        try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}

/// `validate --format json` keeps its documented shape whether or not the data loads.
final class ValidateJSONTests: XCTestCase {
    func testStudiesIsAlwaysThereAndNullOnError() throws {
        let folder = try temporaryFolder(self)
        try copyDefaultReview(to: folder)
        let good = try ScopeReportRun.run(["validate", "--format", "json"], in: folder)
        XCTAssertEqual(good.status, 0, good.stderr)
        XCTAssertTrue(good.stdout.contains(#""studies" : 40"#), good.stdout)
        let sheet = folder.appendingPathComponent("review-data/studies.csv")
        try Data("id\n".utf8).write(to: sheet)
        let bad = try ScopeReportRun.run(["validate", "--format", "json"], in: folder)
        XCTAssertEqual(bad.status, 65, bad.stderr)
        let object = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(bad.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(Set(object.keys), ["errors", "warnings", "studies", "diagnostics"])
        XCTAssertTrue(object["studies"] is NSNull, bad.stdout)
    }
}
