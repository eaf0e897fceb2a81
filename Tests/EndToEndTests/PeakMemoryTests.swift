import Foundation
import XCTest

/// Peak memory in proportion to the input: one CSV row of 20 million commas (20 MB) took 2.6 GB, and
/// 4 million rows of separators (48 MB) 5.3 GB; now 48 MB and 75 MB. The peak is measured by the kernel
/// (`wait4`'s maximum resident set size), for the whole build.
final class PeakMemoryTests: XCTestCase {
    /// Well above the debug build's own footprint on a small review (about 30 MB), far below what the
    /// blank cells cost before (over 600 MB for the inputs below).
    private let ceiling = 150 << 20

    func testARowOfMillionsOfCommasCostsLittle() throws {
        let peak = try buildPeak { rows in
            rows[1] += String(repeating: ",", count: 5_000_000)
        }
        XCTAssertLessThan(peak, ceiling, "peak resident memory \(peak >> 20) MB for a 5 MB row of commas")
    }

    func testMillionsOfBlankRowsCostLittle() throws {
        let peak = try buildPeak { rows in
            rows.append(contentsOf: repeatElement(",,,,,,,,,,,", count: 1_000_000))
        }
        XCTAssertLessThan(peak, ceiling, "peak resident memory \(peak >> 20) MB for 1 million blank rows")
    }

    /// Builds the second fixture review with its sheet's lines changed by `edit`; the build must succeed.
    private func buildPeak(_ edit: (inout [String]) -> Void) throws -> Int {
        let folder = try temporaryFolder(self)
        let base = ScopeReportRun.repository.appendingPathComponent("Tests/Fixtures/second-review")
        for part in ["data", "templates"] {
            try FileManager.default.copyItem(
                at: base.appendingPathComponent(part), to: folder.appendingPathComponent(part))
        }
        let sheet = folder.appendingPathComponent("data/studies.csv")
        var rows = try String(contentsOf: sheet, encoding: .utf8).split(separator: "\n").map(String.init)
        edit(&rows)
        try (rows.joined(separator: "\n") + "\n").write(to: sheet, atomically: false, encoding: .utf8)
        let (status, peak) = try Self.spawn(
            ScopeReportRun.executable.path,
            ["build"]
                + [("--data", "data"), ("--templates", "templates"), ("--out", "out")].flatMap {
                    [$0.0, folder.appendingPathComponent($0.1).path]
                })
        XCTAssertEqual(status, 0, "the build succeeds")
        return peak
    }

    /// Runs `program` with its output discarded; its exit status and peak resident memory in bytes.
    /// Foundation's Process reaps its children itself, so their resource usage is out of reach.
    private static func spawn(_ program: String, _ arguments: [String]) throws -> (Int32, Int) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, program, &actions, nil, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(child, &status, 0, &usage) < 0, errno == EINTR {}
        // ru_maxrss is in kilobytes on Linux; the exit status is the second byte of the wait status.
        return ((status >> 8) & 0xFF, usage.ru_maxrss * 1024)
    }
}
