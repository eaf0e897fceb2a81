import Foundation
import XCTest

/// Runs every case of `Tests/Fixtures/hostile/` (its README says how a case is laid out): the exit
/// status and each expected line of standard error, beside the input that must produce them.
final class HostileCorpusTests: XCTestCase {
    static let corpus = ScopeReportRun.repository.appendingPathComponent("Tests/Fixtures/hostile")
    static let base = ScopeReportRun.repository.appendingPathComponent("Tests/Fixtures/second-review")

    func testEveryCaseFailsAsExpected() throws {
        let manager = FileManager.default
        let cases = try manager.contentsOfDirectory(atPath: Self.corpus.path).filter {
            var isDirectory: ObjCBool = false
            return manager.fileExists(
                atPath: Self.corpus.appendingPathComponent($0).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
        XCTAssertFalse(cases.isEmpty, "the corpus has cases")
        for name in cases { try check(name) }
    }

    private func check(_ name: String) throws {
        let manager = FileManager.default
        let source = Self.corpus.appendingPathComponent(name)
        let folder = try temporaryFolder(self, name)
        for part in ["data", "templates"] {
            try manager.copyItem(
                at: Self.base.appendingPathComponent(part), to: folder.appendingPathComponent(part))
            let overlay = source.appendingPathComponent(part)
            for path in (try? manager.subpathsOfDirectory(atPath: overlay.path)) ?? [] {
                var isDirectory: ObjCBool = false
                let from = overlay.appendingPathComponent(path)
                _ = manager.fileExists(atPath: from.path, isDirectory: &isDirectory)
                let to = folder.appendingPathComponent(part).appendingPathComponent(path)
                if isDirectory.boolValue {
                    try manager.createDirectory(at: to, withIntermediateDirectories: true)
                    continue
                }
                try? manager.removeItem(at: to)
                try manager.copyItem(at: from, to: to)
            }
        }
        let commandFile = source.appendingPathComponent("command")
        let arguments =
            manager.fileExists(atPath: commandFile.path)
            ? try String(contentsOf: commandFile, encoding: .utf8).split(whereSeparator: \.isWhitespace).map(
                String.init)
            : ["build", "--data", "data", "--templates", "templates", "--out", "out"]
        let expected = try String(contentsOf: source.appendingPathComponent("expected"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        guard let first = expected.first, first.hasPrefix("exit "), let status = Int32(first.dropFirst(5))
        else {
            XCTFail("\(name)/expected: the first line must be `exit N`")
            return
        }
        // Some cases once hung the build: a regression must fail the suite, not stall it.
        let run = try ScopeReportRun.run(arguments, in: folder, watchdog: 60)
        XCTAssertEqual(run.status, status, "\(name): exit status\n\(run.stderr)")
        let printed = Set(run.stderr.split(separator: "\n").map(String.init))
        for line in expected.dropFirst() {
            XCTAssertTrue(printed.contains(line), "\(name): expected the line\n\(line)\nin\n\(run.stderr)")
        }
    }
}
