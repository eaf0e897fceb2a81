import Foundation
import ScopeDiagnostics
import ScopeSystem
import XCTest

@testable import ScopePublish

final class OutputFolderTests: XCTestCase {
    /// A manifest this tool would write, listing `outputs` (hashes do not matter here).
    private func manifest(_ outputs: String...) -> [UInt8] {
        Manifest(
            version: "1", inputs: [:], outputs: Dictionary(uniqueKeysWithValues: outputs.map { ($0, "x") })
        )
        .encoded()
    }

    private func temporary() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func testReplacesTheWholeFolderAndLeavesNothingBeside() throws {
        let parent = try temporary()
        let folder = OutputFolder(parent.appendingPathComponent("report"))
        try folder.withLock {
            try folder.replace(with: [
                ("manifest.json", manifest("a/b.txt", "old.txt")), ("a/b.txt", [2]), ("old.txt", [3]),
            ])
        }
        try folder.withLock {
            try folder.replace(with: [("manifest.json", manifest("a/b.txt")), ("a/b.txt", [5])])
        }
        XCTAssertEqual(folder.readFile("a/b.txt"), [5])
        XCTAssertNil(folder.readFile("old.txt"), "files of the previous report do not linger")
        let siblings = try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted()
        XCTAssertEqual(siblings, [".report.lock", "report"])
    }

    /// An unchanged file is the old report's file under a second name (same inode); a changed one is
    /// not, and the old report keeps its bytes until the swap whatever the new one holds.
    func testReusesOnlyFilesWithTheSameBytes() throws {
        let parent = try temporary()
        let folder = OutputFolder(parent.appendingPathComponent("report"))
        try folder.withLock {
            try folder.replace(with: [
                ("manifest.json", manifest("a/same.txt", "b.txt")), ("a/same.txt", [2]), ("b.txt", [3]),
            ])
        }
        func inode(_ path: String) throws -> UInt64 {
            let attributes = try FileManager.default.attributesOfItem(
                atPath: folder.url.appendingPathComponent(path).path)
            return (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
        }
        let before = try inode("a/same.txt")
        try folder.withLock {
            let staged = try folder.stage()
            XCTAssertTrue(staged.reuse("a/same.txt", of: folder, ifItHolds: [2]))
            XCTAssertFalse(staged.reuse("b.txt", of: folder, ifItHolds: [9]), "different bytes")
            XCTAssertFalse(staged.reuse("gone.txt", of: folder, ifItHolds: [4]), "no such file")
            try staged.write("b.txt", [9])
            try staged.write("manifest.json", [5])
            XCTAssertEqual(folder.readFile("b.txt"), [3], "the current report is untouched before the swap")
            try staged.commit()
        }
        XCTAssertEqual(try inode("a/same.txt"), before)
        XCTAssertEqual(folder.readFile("a/same.txt"), [2])
        XCTAssertEqual(folder.readFile("b.txt"), [9])
        XCTAssertEqual(folder.readFile("gone.txt"), nil)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted()
        XCTAssertEqual(siblings, [".report.lock", "report"])
    }

    func testRestoresAReportLeftAsideByAKilledSwap() throws {
        let parent = try temporary()
        let folder = OutputFolder(parent.appendingPathComponent("report"))
        try folder.withLock { try folder.replace(with: [("manifest.json", manifest())]) }
        // As if a build died between its two renames on a file system without RENAME_EXCHANGE.
        try FileManager.default.moveItem(
            at: parent.appendingPathComponent("report"), to: parent.appendingPathComponent(".report.old-999"))
        try FileManager.default.createDirectory(
            at: parent.appendingPathComponent(".report.staging-999"), withIntermediateDirectories: true)
        try folder.withLock { try folder.replace(with: [("manifest.json", [2])]) }
        XCTAssertEqual(folder.readFile("manifest.json"), [2])
        let siblings = try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted()
        XCTAssertEqual(siblings, [".report.lock", "report"])
    }

    func testRefusesAFolderThatIsNotAReport() throws {
        let parent = try temporary()
        let target = parent.appendingPathComponent("thesis")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: target.appendingPathComponent("chapter1.tex"))
        let folder = OutputFolder(target)
        XCTAssertThrowsError(try folder.withLock { try folder.replace(with: [("manifest.json", [1])]) }) {
            error in
            XCTAssertTrue("\(error)".contains("it is not empty and holds no manifest.json"), "\(error)")
        }
        XCTAssertEqual(folder.readFile("chapter1.tex"), Array("keep".utf8))
    }

    /// A web app's folder with a `manifest.json` of its own is not a report: nothing is deleted.
    func testRefusesAFolderWhoseManifestIsAnotherProgramsAndTouchesNothing() throws {
        let parent = try temporary()
        let app = parent.appendingPathComponent("my-app")
        try FileManager.default.createDirectory(
            at: app.appendingPathComponent("src"), withIntermediateDirectories: true)
        try Data(#"{"name": "my-app", "start_url": "/"}"#.utf8).write(
            to: app.appendingPathComponent("manifest.json"))
        try Data("app".utf8).write(to: app.appendingPathComponent("app.js"))
        try Data("main".utf8).write(to: app.appendingPathComponent("src/main.js"))
        let folder = OutputFolder(app)
        XCTAssertThrowsError(try folder.current()) { error in
            XCTAssertTrue("\(error)".contains("its manifest.json was not written by scopereport"), "\(error)")
        }
        XCTAssertThrowsError(
            try folder.withLock { try folder.replace(with: [("manifest.json", manifest())]) })
        XCTAssertEqual(folder.readFile("app.js"), Array("app".utf8))
        XCTAssertEqual(folder.readFile("src/main.js"), Array("main".utf8))
    }

    /// A file added to a report by hand would be deleted by the next build: the build refuses instead.
    func testRefusesAReportThatHoldsAFileItsManifestDoesNotList() throws {
        let parent = try temporary()
        let folder = OutputFolder(parent.appendingPathComponent("report"))
        try folder.withLock {
            try folder.replace(with: [("manifest.json", manifest("a.txt")), ("a.txt", [1])])
        }
        XCTAssertEqual(try folder.current()?.files, ["manifest.json", "a.txt"])
        try Data("mine".utf8).write(to: folder.url.appendingPathComponent("notes.txt"))
        XCTAssertThrowsError(try folder.current()) { error in
            XCTAssertEqual(
                "\(error)",
                "refusing to replace \(folder.url.path): it holds what scopereport did not write (notes.txt), "
                    + "which a build would delete; move it elsewhere, or choose another --out")
        }
        XCTAssertThrowsError(
            try folder.withLock {
                try folder.replace(with: [("manifest.json", manifest("a.txt")), ("a.txt", [2])])
            })
        XCTAssertEqual(folder.readFile("notes.txt"), Array("mine".utf8))
        XCTAssertEqual(folder.readFile("a.txt"), [1])
    }

    /// Only `.NAME.staging-DIGITS` and `.NAME.old-DIGITS` are leftovers: another output's lock file
    /// (`.rep.old-1.lock` is the lock of `rep.old-1`) and look-alike names are not touched.
    func testCleansUpOnlyTheExactNamesItMakes() throws {
        let parent = try temporary()
        let manager = FileManager.default
        for name in [".rep.old-1.lock", ".rep.staging-7.txt", ".rep.old-"] {
            try Data(name.utf8).write(to: parent.appendingPathComponent(name))
        }
        try manager.createDirectory(
            at: parent.appendingPathComponent(".rep.staging-x1"), withIntermediateDirectories: true)
        try manager.createDirectory(
            at: parent.appendingPathComponent(".rep.staging-12"), withIntermediateDirectories: true)
        let folder = OutputFolder(parent.appendingPathComponent("rep"))
        try folder.withLock { try folder.replace(with: [("manifest.json", manifest("a")), ("a", [1])]) }
        XCTAssertEqual(folder.readFile("a"), [1])
        let siblings = try manager.contentsOfDirectory(atPath: parent.path).sorted()
        XCTAssertEqual(
            siblings,
            [".rep.lock", ".rep.old-", ".rep.old-1.lock", ".rep.staging-7.txt", ".rep.staging-x1", "rep"])
        XCTAssertEqual(
            manager.contents(atPath: parent.appendingPathComponent(".rep.old-1.lock").path),
            Data(".rep.old-1.lock".utf8))
        XCTAssertTrue(OutputFolder.isLeftover(".rep.old-12", of: "rep", kind: "old"))
        XCTAssertFalse(OutputFolder.isLeftover(".rep.old-1.lock", of: "rep", kind: "old"))
        XCTAssertFalse(OutputFolder.isLeftover(".rep.old-", of: "rep", kind: "old"))
    }

    /// Names beside the folder are opened without following symlinks: a planted lock symlink is
    /// refused (its target is not created), and a symlink under a leftover's name is removed as a link.
    func testSymlinksBesideTheFolderAreNeverFollowed() throws {
        let parent = try temporary()
        let manager = FileManager.default
        let victim = parent.appendingPathComponent("victim")
        try manager.createDirectory(at: victim, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: victim.appendingPathComponent("file"))
        try manager.createSymbolicLink(
            at: parent.appendingPathComponent(".rep.lock"),
            withDestinationURL: parent.appendingPathComponent("created"))
        let folder = OutputFolder(parent.appendingPathComponent("rep"))
        XCTAssertThrowsError(
            try folder.withLock { try folder.replace(with: [("manifest.json", manifest())]) }
        ) {
            XCTAssertTrue("\($0)".contains("is a symbolic link"), "\($0)")
        }
        XCTAssertFalse(manager.fileExists(atPath: parent.appendingPathComponent("created").path))
        try manager.removeItem(at: parent.appendingPathComponent(".rep.lock"))
        try manager.createSymbolicLink(
            at: parent.appendingPathComponent(".rep.staging-5"), withDestinationURL: victim)
        try manager.createSymbolicLink(
            at: parent.appendingPathComponent(".rep.old-5"), withDestinationURL: victim)
        try folder.withLock { try folder.replace(with: [("manifest.json", manifest())]) }
        XCTAssertEqual(
            manager.contents(atPath: victim.appendingPathComponent("file").path), Data("keep".utf8))
        XCTAssertEqual(
            try manager.contentsOfDirectory(atPath: parent.path).sorted(), [".rep.lock", "rep", "victim"])
    }

    /// The no-op check reads the folder as it is: a deleted, edited or added file means it no longer
    /// holds the report its manifest lists.
    func testHoldsOnlyExactlyTheListedFilesWithTheirHashes() throws {
        let parent = try temporary()
        let folder = OutputFolder(parent.appendingPathComponent("report"))
        let outputs = ["a.txt": SHA256.hex([1]), "b/c.txt": SHA256.hex([2])]
        let written = Manifest(version: "1", inputs: [:], outputs: outputs).encoded()
        try folder.withLock {
            try folder.replace(with: [("manifest.json", written), ("a.txt", [1]), ("b/c.txt", [2])])
        }
        XCTAssertTrue(folder.holds(outputs, given: try XCTUnwrap(folder.current())))
        try Data([9]).write(to: folder.url.appendingPathComponent("a.txt"))
        XCTAssertFalse(folder.holds(outputs, given: try XCTUnwrap(folder.current())), "an edited file")
        try manager().removeItem(at: folder.url.appendingPathComponent("a.txt"))
        XCTAssertFalse(folder.holds(outputs, given: try XCTUnwrap(folder.current())), "a deleted file")
    }

    private func manager() -> FileManager { FileManager.default }

    func testManifestIsSortedAndStable() {
        let manifest = Manifest(
            version: "1.0", inputs: ["data/b.csv": "2", "data/a.csv": "1"], outputs: ["x": "3"])
        XCTAssertEqual(
            String(decoding: manifest.encoded(), as: UTF8.self),
            """
            {
              "inputs" : {
                "data/a.csv" : "1",
                "data/b.csv" : "2"
              },
              "outputs" : {
                "x" : "3"
              },
              "tool" : "scopereport",
              "version" : "1.0"
            }

            """)
        XCTAssertEqual(Manifest.decode(manifest.encoded()), manifest)
    }

    /// Written by hand, the manifest must still read back through JSONDecoder whatever the names hold.
    func testManifestRoundTripsOddNamesAndNoInputs() {
        let manifest = Manifest(
            version: "2\"β", inputs: [:],
            outputs: ["tables/ä \"q\".md": "1", "a\\b\n": "2", "Z": "3", "\u{2028}": "4"])
        XCTAssertEqual(Manifest.decode(manifest.encoded()), manifest)
        let text = String(decoding: manifest.encoded(), as: UTF8.self)
        // Byte order: "Z" before "a", and U+2028 (E2 80 A8, escaped) after every ASCII name.
        XCTAssertTrue(text.contains(#"    "Z" : "3",\#n    "a\\b\n" : "2",\#n"#), text)
        XCTAssertTrue(text.contains(#".md" : "1",\#n    "\u2028" : "4"\#n  }"#), text)
    }
}
