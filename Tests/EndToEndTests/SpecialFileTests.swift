import Foundation
import XCTest

/// An input that is not a regular file is refused at once: a FIFO would block the build for ever
/// (nothing ever writes to it) and a character device such as /dev/zero would be read without end.
final class SpecialFileTests: XCTestCase {
    /// Seconds before a hanging build is killed; a good build of the fixture takes well under one.
    private let watchdog: TimeInterval = 10

    func testAFIFOAsAnyInputIsRefused() throws {
        for (name, what) in [
            ("studies.csv", "the sheet"), ("review.yaml", "the config"),
            ("excluded.csv", "the excluded list"),
        ] {
            let folder = try reviewFolder()
            let path = folder.appendingPathComponent("review-data/\(name)").path
            try? FileManager.default.removeItem(atPath: path)
            XCTAssertEqual(mkfifo(path, 0o644), 0, "mkfifo \(path)")
            let run = try ScopeReportRun.run(["build"], in: folder, watchdog: watchdog)
            XCTAssertEqual(run.status, 65, "\(name): \(run.stderr)")
            XCTAssertTrue(
                run.stderr.contains(
                    "review-data/\(name): error: this is not a regular file (a FIFO); give \(what) as a file"),
                run.stderr)
            XCTAssertFalse(
                FileManager.default.fileExists(atPath: folder.appendingPathComponent("_report").path))
        }
    }

    /// A device node in the data folder (or a symlink to one inside it); making one needs root, so the
    /// test is skipped elsewhere. A symlink to /dev/zero itself is refused as lying outside the folder.
    func testACharacterDeviceAsTheSheetIsRefused() throws {
        let folder = try reviewFolder()
        let device = folder.appendingPathComponent("review-data/zero").path
        // Major 1, minor 5 is /dev/zero on Linux (`makedev` is a C macro Swift cannot call).
        guard mknod(device, S_IFCHR | 0o644, dev_t(1 << 8 | 5)) == 0 else {
            throw XCTSkip("making a device node needs root")
        }
        let sheet = folder.appendingPathComponent("review-data/studies.csv")
        try FileManager.default.removeItem(at: sheet)
        try FileManager.default.createSymbolicLink(atPath: sheet.path, withDestinationPath: "zero")
        let run = try ScopeReportRun.run(["build"], in: folder, watchdog: watchdog)
        XCTAssertEqual(run.status, 65, run.stderr)
        XCTAssertTrue(
            run.stderr.contains(
                "review-data/studies.csv: error: this is not a regular file (a character device); give the sheet as a file"
            ), run.stderr)
    }

    func testAFolderAsTheSheetIsRefused() throws {
        let folder = try reviewFolder()
        let sheet = folder.appendingPathComponent("review-data/studies.csv")
        try FileManager.default.removeItem(at: sheet)
        try FileManager.default.createDirectory(at: sheet, withIntermediateDirectories: false)
        let run = try ScopeReportRun.run(["build"], in: folder, watchdog: watchdog)
        XCTAssertEqual(run.status, 65, run.stderr)
        XCTAssertTrue(
            run.stderr.contains(
                "review-data/studies.csv: error: this is not a regular file (a folder); give the sheet as a file"
            ),
            run.stderr)
    }

    /// The default review in a temporary folder (its config names an excluded list too).
    private func reviewFolder() throws -> URL {
        let folder = try temporaryFolder(self)
        try copyDefaultReview(to: folder)
        return folder
    }
}
