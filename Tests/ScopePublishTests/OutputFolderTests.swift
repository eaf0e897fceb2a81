import Foundation
import ScopeDiagnostics
import XCTest

@testable import ScopePublish

final class OutputFolderTests: XCTestCase {
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
            try folder.replace(with: [("manifest.json", [1]), ("a/b.txt", [2]), ("old.txt", [3])])
        }
        try folder.withLock { try folder.replace(with: [("manifest.json", [4]), ("a/b.txt", [5])]) }
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
            try folder.replace(with: [("manifest.json", [1]), ("a/same.txt", [2]), ("b.txt", [3])])
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
        try folder.withLock { try folder.replace(with: [("manifest.json", [1])]) }
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

    /// The quick reader and JSONDecoder read the same manifest, however it is spaced or escaped; what
    /// the quick reader does not take (extra keys, numbers, bad syntax) is left to JSONDecoder.
    func testManifestQuickReaderAgreesWithJSONDecoder() throws {
        let texts = [
            #"{"tool":"scopereport","version":"1","inputs":{},"outputs":{"a\u00e9\ud83d\ude00\n\/":"x"}}"#,
            "{\n \"outputs\" : { \"z\" : \"1\" , \"é\" : \"2\" } ,\"inputs\":{\"d\":\"3\"},"
                + "\t\"version\":\"0.1\",\"tool\":\"t\"}\n",
            #"{"tool":"t","version":"1","inputs":{},"outputs":{},"extra":3}"#,
        ]
        for text in texts {
            let bytes = Array(text.utf8)
            let expected = try JSONDecoder().decode(Manifest.self, from: Data(bytes))
            XCTAssertEqual(Manifest.decode(bytes), expected, text)
        }
        XCTAssertNotNil(FlatJSONReader.read(Array(texts[0].utf8)))
        XCTAssertNil(FlatJSONReader.read(Array(texts[2].utf8)), "a number is left to JSONDecoder")
        XCTAssertNil(FlatJSONReader.read(Array(#"{"a":"1","a":"2"}"#.utf8)), "duplicate key")
        XCTAssertNil(FlatJSONReader.read(Array(#"{"a":"1"} x"#.utf8)), "trailing text")
        XCTAssertNil(Manifest.decode(Array(#"{"tool":"t""#.utf8)))
    }

    /// Mutated manifests (bytes flipped, cut, duplicated): the quick reader never crashes, and whatever
    /// it accepts, JSONDecoder reads the same way.
    func testQuickReaderAgreesWithJSONDecoderOnMutatedManifests() {
        let valid = Manifest(
            version: "1", inputs: ["data/é.csv": "1", "t\"q": "2"], outputs: ["a": "3", "b\u{2028}": "4"]
        ).encoded()
        var random = SplitMix64(seed: 2026)
        func next(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
        var accepted = 0
        for _ in 0..<3000 {
            var bytes = valid
            for _ in 0..<(1 + next(3)) {
                let at = next(bytes.count)
                switch next(4) {
                case 0: bytes[at] = UInt8(next(256))
                case 1: bytes.remove(at: at)
                case 2: bytes.insert(bytes[next(bytes.count)], at: at)
                default: bytes = Array(bytes[..<at])
                }
                if bytes.isEmpty { bytes = [0x7B] }
            }
            guard let fields = FlatJSONReader.read(bytes), fields.count == 4,
                case .string? = fields["tool"], case .string? = fields["version"],
                case .object? = fields["inputs"], case .object? = fields["outputs"]
            else { continue }
            accepted += 1
            let decoded = try? JSONDecoder().decode(Manifest.self, from: Data(bytes))
            XCTAssertEqual(Manifest.decode(bytes), decoded, String(decoding: bytes, as: UTF8.self))
        }
        XCTAssertGreaterThan(accepted, 100, "enough mutants still read as manifests")
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
