import Foundation
import ScopeLoad
import XCTest

/// The four variants of the diagram against their golden SVGs, and each rendered by rsvg-convert.
final class PrismaSVGTests: XCTestCase {
    static let variants = ["databases-only", "other-methods", "update", "partial"]

    func testVariantsMatchTheirGoldenSVGs() throws {
        for variant in Self.variants {
            let (flow, _) = try Fixtures.decode("\(variant).yaml")
            let svg = try XCTUnwrap(flow).svg(id: "prisma-\(variant)")
            try assertMatchesGolden(svg, "Golden/\(variant).svg")
        }
    }

    func testRsvgConvertRendersEveryVariant() throws {
        let converter = URL(fileURLWithPath: "/usr/bin/rsvg-convert")
        try XCTSkipUnless(
            FileManager.default.isExecutableFile(atPath: converter.path), "rsvg-convert is not installed")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "scopeprisma-png-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for variant in Self.variants {
            let png = folder.appendingPathComponent("\(variant).png")
            let process = Process()
            process.executableURL = converter
            process.arguments = ["-o", png.path, Fixtures.url("Golden/\(variant).svg").path]
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            process.waitUntilExit()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            XCTAssertEqual(process.terminationStatus, 0, "rsvg-convert failed on \(variant): \(message)")
            let bytes = try Data(contentsOf: png)
            XCTAssertEqual(Array(bytes.prefix(4)), [0x89, 0x50, 0x4E, 0x47], "\(variant).png is not a PNG")
        }
    }

    func testBoxesWithoutNumbersAreLeftOut() throws {
        let svg = try XCTUnwrap(Fixtures.decode("partial.yaml").0).svg(id: "p")
        XCTAssertTrue(svg.contains("id=\"p-records-identified\""))
        XCTAssertTrue(svg.contains("id=\"p-included-studies\""))
        for missing in ["records-screened", "removed-before-screening", "reports-sought", "reports-excluded"]
        {
            XCTAssertFalse(svg.contains("id=\"p-\(missing)\""), "\(missing) should not be drawn")
        }
        XCTAssertFalse(svg.contains("n = 0"))
        XCTAssertFalse(svg.contains(">Screening<"), "no screening band without screening boxes")
    }

    func testTextIsEscapedAndLinksAreHTTPSOnly() throws {
        var flow = try Fixtures.flow("partial.yaml")
        flow.databaseRecords = [NamedCount("<script>&\"Q\"", 480)]
        flow.style.tooltips[.includedStudies] = "a < b & c"
        flow.style.links[.recordsIdentified] = "javascript:alert(1)"
        let svg = flow.svg(id: "x")
        XCTAssertTrue(svg.contains("&lt;script&gt;&amp;\"Q\" (n = 480)"))
        XCTAssertTrue(svg.contains("<title>a &lt; b &amp; c</title>"))
        XCTAssertFalse(svg.contains("javascript:"))
        XCTAssertFalse(svg.contains("<script"))
    }

    func testNumbersHaveThousandsSeparators() throws {
        let svg = try XCTUnwrap(Fixtures.decode("update.yaml").0).svg(id: "u")
        XCTAssertTrue(svg.contains("Databases (n = 1,450)"))
        XCTAssertTrue(svg.contains("(n = 1,100)"))
    }

    func testOutputIsDeterministic() throws {
        let flow = try Fixtures.flow("other-methods.yaml")
        XCTAssertEqual(flow.svg(id: "a"), flow.svg(id: "a"))
    }

    func testIdIsSanitized() throws {
        let svg = try Fixtures.flow("partial.yaml").svg(id: "1 bad\"id")
        XCTAssertTrue(svg.contains("aria-labelledby=\"prisma-1_bad_id-title prisma-1_bad_id-desc\""))
    }
}
