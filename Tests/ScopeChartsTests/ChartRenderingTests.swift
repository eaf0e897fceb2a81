import Foundation
import FoundationXML
import XCTest

@testable import ScopeCharts

/// Golden-file tests: every fixture chart must equal its file in Golden/. Run with UPDATE_GOLDEN=1 to
/// rewrite the files in the source tree (then look at them and review the diff).
final class ChartRenderingTests: XCTestCase {
    private static let sourceGoldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden")

    func testChartsMatchGoldenFiles() throws {
        let update = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"
        let bundled = try XCTUnwrap(Bundle.module.url(forResource: "Golden", withExtension: nil))
        for (name, svg) in ChartFixtures.all {
            if update {
                try svg.write(
                    to: Self.sourceGoldenDirectory.appendingPathComponent("\(name).svg"), atomically: true,
                    encoding: .utf8)
                continue
            }
            let expected = try String(
                contentsOf: bundled.appendingPathComponent("\(name).svg"), encoding: .utf8)
            XCTAssertEqual(
                svg, expected, "\(name).svg differs; rerun with UPDATE_GOLDEN=1 and review the diff")
        }
    }

    func testRenderingIsDeterministic() {
        XCTAssertEqual(
            ChartFixtures.scatter(axes: .free, scale: .log10, densePoints: 3000).render(),
            ChartFixtures.scatter(axes: .free, scale: .log10, densePoints: 3000).render())
    }

    func testEveryChartIsWellFormedXMLWithAccessibleName() throws {
        for (name, svg) in ChartFixtures.all {
            let parser = XMLParser(data: Data(svg.utf8))
            let collector = ElementCollector()
            parser.delegate = collector
            XCTAssertTrue(
                parser.parse(), "\(name): \(parser.parserError.map(String.init(describing:)) ?? "")")
            let root = try XCTUnwrap(collector.elements.first, name)
            XCTAssertEqual(root.name, "svg", name)
            XCTAssertEqual(root.attributes["role"], "img", name)
            XCTAssertNotNil(root.attributes["viewBox"], name)
            let ids = Set(collector.elements.compactMap { $0.attributes["id"] })
            for labelledBy in (root.attributes["aria-labelledby"] ?? "").split(separator: " ") {
                XCTAssertTrue(ids.contains(String(labelledBy)), "\(name): missing id \(labelledBy)")
            }
            XCTAssertEqual(
                ids.count, collector.elements.compactMap { $0.attributes["id"] }.count,
                "\(name): duplicate id")
        }
    }

    func testCallerTextIsEscapedAndRendersAsText() throws {
        let svg = ChartFixtures.escaping.render()
        XCTAssertFalse(svg.contains("<b>"))
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = ElementCollector()
        parser.delegate = collector
        XCTAssertTrue(parser.parse())
        XCTAssertFalse(collector.elements.contains { $0.name == "b" })
        XCTAssertTrue(collector.text.contains(ChartFixtures.hostile))
        XCTAssertEqual(collector.elements.first { $0.name == "title" }?.attributes["id"], "fig__b____-title")
    }

    func testEmptyDataRendersNoDataMessage() {
        for (name, svg) in ChartFixtures.all where name.hasPrefix("no-data") {
            XCTAssertTrue(svg.contains(">No data</text>"), name)
        }
    }

    func testGoldenFilesRenderWithRSVGConvert() throws {
        let tool = URL(fileURLWithPath: "/usr/bin/rsvg-convert")
        guard FileManager.default.isExecutableFile(atPath: tool.path) else {
            throw XCTSkip("rsvg-convert is not installed")
        }
        let bundled = try XCTUnwrap(Bundle.module.url(forResource: "Golden", withExtension: nil))
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "scopecharts-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: output) }
        for (name, _) in ChartFixtures.all {
            let process = Process()
            process.executableURL = tool
            process.arguments = [
                "-w", "320", "-o", output.path, bundled.appendingPathComponent("\(name).svg").path,
            ]
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            process.waitUntilExit()
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            XCTAssertEqual(process.terminationStatus, 0, "\(name): \(message)")
            XCTAssertEqual(message, "", name)
        }
    }
}

/// Records every element with its attributes, and all character data, while parsing.
private final class ElementCollector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var text = ""

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName: String?,
        attributes: [String: String]
    ) {
        elements.append((elementName, attributes))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }
}
