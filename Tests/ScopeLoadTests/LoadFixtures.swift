import Foundation
import ScopeDiagnostics
import XCTest

@testable import ScopeLoad

/// The data folders under `Fixtures/` and the way a user sees their diagnostics.
enum LoadFixtures {
    static var root: URL { Bundle.module.url(forResource: "Fixtures", withExtension: nil)! }

    /// Loads `Fixtures/<folder>` as `scopereport validate --data <folder>` would, from inside `Fixtures/`.
    static func load(_ folder: String) -> Result<Review, LoadFailure> {
        ReviewLoader(dataDirectory: root.appendingPathComponent(folder), displayDirectory: folder).load()
    }

    /// Every diagnostic of a load, errors or warnings, one `file:line:column: severity: message` line each.
    static func lines(of result: Result<Review, LoadFailure>) -> [String] {
        switch result {
        case .success(let review): review.warnings.map(\.description)
        case .failure(let failure): failure.diagnostics.map(\.description)
        }
    }

    /// A loaded review, or a test failure listing what went wrong.
    static func review(_ folder: String, file: StaticString = #filePath, line: UInt = #line) -> Review? {
        switch load(folder) {
        case .success(let review): return review
        case .failure(let failure):
            XCTFail(
                "\(folder) did not load:\n\(failure.diagnostics.map(\.description).joined(separator: "\n"))",
                file: file, line: line)
            return nil
        }
    }

    /// The lines of a text file, without the empty string after its final newline.
    static func textLines(_ url: URL) throws -> [String] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.isEmpty
            ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }
}

/// Writes a throwaway data folder (review.yaml + sheet) for tests that build their input in code.
struct TemporaryReview {
    let folder: URL

    init(_ test: XCTestCase, files: [String: [UInt8]]) throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent(
                "scopeload-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, bytes) in files { try Data(bytes).write(to: folder.appendingPathComponent(name)) }
        let folder = folder
        test.addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
    }

    func load(displayDirectory: String = "data") -> Result<Review, LoadFailure> {
        ReviewLoader(dataDirectory: folder, displayDirectory: displayDirectory).load()
    }
}
