import Foundation
import XCTest

/// Runs the built `scopereport` executable the way a user or CI does, in a chosen folder and
/// environment, and captures what it prints.
struct ScopeReportRun {
    var status: Int32
    var stdout: String
    var stderr: String

    /// The executable SwiftPM built next to the test bundle (`.build/debug/scopereport`).
    static var executable: URL {
        // On Linux the test bundle is `.build/<triple>/debug/ScopeReportPackageTests.xctest` and
        // Bundle reports either it or its folder; the executable sits in that folder.
        var folder = Bundle(for: Marker.self).bundleURL
        if folder.pathExtension == "xctest" { folder = folder.deletingLastPathComponent() }
        return folder.appendingPathComponent("scopereport")
    }

    /// The repository root (for `review-data/` and `templates/`).
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// - Parameter watchdog: seconds after which the child is killed and the test fails, for inputs
    ///   that once made the build hang: a regression must fail the suite, not stall it.
    @discardableResult
    static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
        watchdog: TimeInterval? = nil, file: StaticString = #filePath, line: UInt = #line
    ) throws -> ScopeReportRun {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? repository
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SOURCE_DATE_EPOCH")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let killed = Killed()
        if let watchdog {
            let child = process.processIdentifier
            DispatchQueue.global().asyncAfter(deadline: .now() + watchdog) {
                if killed.mark() { kill(child, SIGKILL) }
            }
        }
        // Read before waiting, so a chatty child cannot block on a full pipe.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if watchdog != nil, !killed.mark() {
            XCTFail(
                "scopereport \(arguments.joined(separator: " ")) was killed after \(watchdog!) s", file: file,
                line: line)
        }
        return ScopeReportRun(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    private final class Marker {}

    /// Whether the watchdog or the exit came first: whichever marks it first wins.
    private final class Killed: @unchecked Sendable {
        private let lock = NSLock()
        private var marked = false
        /// True for the first caller only.
        func mark() -> Bool {
            lock.lock()
            defer { lock.unlock() }
            if marked { return false }
            marked = true
            return true
        }
    }
}

/// A fresh temporary folder, removed when the test ends.
func temporaryFolder(_ test: XCTestCase, _ name: String = #function) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent(
            "scopereport-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}

/// Every file below `folder` (relative path → bytes), for byte-for-byte comparisons.
func snapshot(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let manager = FileManager.default
    for path in try manager.subpathsOfDirectory(atPath: folder.path).sorted() {
        var isDirectory: ObjCBool = false
        let full = folder.appendingPathComponent(path).path
        if manager.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
            files[path] = manager.contents(atPath: full)
        }
    }
    return files
}

/// Copies the second fixture review's `data/` and `templates/` into `folder`.
func copySecondReview(to folder: URL) throws {
    let fixture = ScopeReportRun.repository.appendingPathComponent("Tests/Fixtures/second-review")
    for name in ["data", "templates"] {
        try FileManager.default.copyItem(
            at: fixture.appendingPathComponent(name), to: folder.appendingPathComponent(name))
    }
}

/// Copies the default review's data and templates into `folder`.
func copyDefaultReview(to folder: URL) throws {
    for name in ["review-data", "templates"] {
        try FileManager.default.copyItem(
            at: ScopeReportRun.repository.appendingPathComponent(name),
            to: folder.appendingPathComponent(name))
    }
}
