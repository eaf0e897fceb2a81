import Foundation
import ScopeDiagnostics
import ScopeLoad
import XCTest
import Yams

/// Reading the test fixtures: YAML configs whose `prisma:` section is decoded as the config loader does.
enum Fixtures {
    static let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    static func url(_ path: String) -> URL { folder.appendingPathComponent(path) }

    static func text(_ path: String) throws -> String { try String(contentsOf: url(path), encoding: .utf8) }

    /// The `prisma:` section of a fixture config, decoded; diagnostics name the file as `path`.
    static func decode(_ path: String) throws -> (PrismaFlow?, [Diagnostic]) {
        try decodeYAML(text(path), file: path)
    }

    static func decodeYAML(_ yaml: String, file: String) throws -> (PrismaFlow?, [Diagnostic]) {
        let root = try XCTUnwrap(Yams.compose(yaml: yaml))
        let section = try XCTUnwrap(root.mapping?["prisma"], "the fixture has no prisma section")
        return PrismaFlow.decode(section, file: file)
    }

    /// A fixture that must decode without any problem.
    static func flow(_ path: String) throws -> PrismaFlow {
        let (flow, diagnostics) = try decode(path)
        XCTAssertEqual(diagnostics.map(\.description), [], "decoding \(path)")
        return try XCTUnwrap(flow)
    }
}

/// Golden files: on a difference, the new output is left in the temporary folder (scopeprisma-actual/),
/// to look at and copy over once it is right.
func assertMatchesGolden(
    _ actual: String, _ path: String, file: StaticString = #filePath, line: UInt = #line
) throws {
    let golden = try Fixtures.text(path)
    if actual != golden {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scopeprisma-actual")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let name = path.replacingOccurrences(of: "/", with: "-")
        try actual.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    XCTAssertEqual(actual, golden, "\(path) differs from its golden file", file: file, line: line)
}
