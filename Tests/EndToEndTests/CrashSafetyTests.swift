import Foundation
import ScopeDiagnostics
import XCTest

/// A build killed at any moment leaves the previous report whole; builds racing into one folder take
/// turns. The report folder is only ever the old one or the new one, never a mix.
final class CrashSafetyTests: XCTestCase {
    /// 100 builds killed with SIGKILL at spread-out moments, the data switching between two versions so
    /// that each build really replaces the folder.
    func testKilledBuildsNeverLeaveAPartialReport() throws {
        let folder = try temporaryFolder(self)
        try copyDefaultReview(to: folder)
        let sheet = folder.appendingPathComponent("review-data/studies.csv")
        let versionA = try String(contentsOf: sheet, encoding: .utf8)
        let versionB = versionA.replacingOccurrences(of: ",430,,2,", with: ",431,,2,")
        XCTAssertNotEqual(versionA, versionB)

        // The two possible complete reports (outputs do not depend on the folder's name).
        try versionB.write(to: sheet, atomically: true, encoding: .utf8)
        XCTAssertEqual(try ScopeReportRun.run(["build", "--out", "_b"], in: folder).status, 0)
        let reportB = try snapshot(folder.appendingPathComponent("_b"))
        try versionA.write(to: sheet, atomically: true, encoding: .utf8)
        let started = Date()
        XCTAssertEqual(try ScopeReportRun.run(["build"], in: folder).status, 0)
        let buildSeconds = Date().timeIntervalSince(started)
        let reportA = try snapshot(folder.appendingPathComponent("_report"))
        XCTAssertNotEqual(reportA, reportB)

        var generator = SplitMix64(seed: 20_261_127)
        var killedBeforeTheEnd = 0
        for run in 0..<100 {
            try (run.isMultiple(of: 2) ? versionB : versionA).write(
                to: sheet, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = ScopeReportRun.executable
            process.arguments = ["build", "--quiet"]
            process.currentDirectoryURL = folder
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Anywhere from at once to nearly a whole build.
            let delay = Double(generator.next() % 1000) / 1000 * buildSeconds * 0.9
            Thread.sleep(forTimeInterval: delay)
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killedBeforeTheEnd += 1
            }
            process.waitUntilExit()
            let now = try snapshot(folder.appendingPathComponent("_report"))
            XCTAssertTrue(
                now == reportA || now == reportB, "run \(run): the report folder is neither whole report")
        }
        XCTAssertGreaterThan(killedBeforeTheEnd, 40, "most builds were really interrupted")

        // The next build succeeds, and what the killed builds left beside the folder is cleaned up.
        try versionA.write(to: sheet, atomically: true, encoding: .utf8)
        XCTAssertEqual(try ScopeReportRun.run(["build", "--force"], in: folder).status, 0)
        XCTAssertEqual(try snapshot(folder.appendingPathComponent("_report")), reportA)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.contains(".staging-") || $0.contains(".old-")
        }
        XCTAssertEqual(leftovers, [])
    }

    func testTwoBuildsAtOnceIntoOneFolderBothFinishWhole() throws {
        let folder = try temporaryFolder(self)
        try copyDefaultReview(to: folder)
        XCTAssertEqual(try ScopeReportRun.run(["build", "--out", "_expected"], in: folder).status, 0)
        let expected = try snapshot(folder.appendingPathComponent("_expected"))
        for _ in 0..<5 {
            let processes = try (0..<2).map { _ -> Process in
                let process = Process()
                process.executableURL = ScopeReportRun.executable
                process.arguments = ["build", "--force", "--quiet"]
                process.currentDirectoryURL = folder
                try process.run()
                return process
            }
            for process in processes {
                process.waitUntilExit()
                XCTAssertEqual(process.terminationStatus, 0)
            }
            XCTAssertEqual(try snapshot(folder.appendingPathComponent("_report")), expected)
        }
    }
}
