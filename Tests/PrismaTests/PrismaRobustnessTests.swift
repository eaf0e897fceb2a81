import Foundation
import ScopeDiagnostics
import ScopeLoad
import XCTest

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Whatever boxes a flow has, and however long or odd its names, the diagram is well-formed XML and
/// every check runs: no input makes the writer crash.
final class PrismaRobustnessTests: XCTestCase {
    private let names = [
        "Embase", "", "A very long database name that will not fit on one line of any box in the diagram",
        "<&>\"'", "Ünïcödé — 文献", "x;y, z", "Supercalifragilisticexpialidociousdatabasewithoutspaces",
    ]

    func testArbitraryFlowsGiveWellFormedSVG() throws {
        var random = SplitMix64(seed: 2020)  // the same flows on every run
        for index in 0..<300 {
            var flow = PrismaFlow(origin: SourceLocation(file: "random-\(index)"))
            for count in PrismaCount.allCases where Bool.random(using: &random) {
                flow[count] = Int.random(in: 0...2_000_000, using: &random)
            }
            func entries() -> [NamedCount] {
                (0..<Int.random(in: 0...4, using: &random)).map { _ in
                    NamedCount(names.randomElement(using: &random)!, Int.random(in: 0...5000, using: &random))
                }
            }
            flow.databaseRecords = entries()
            flow.otherMethodRecords = entries()
            flow.reportExclusionReasons = entries()
            flow.style.screensRecords = Bool.random(using: &random)
            flow.style.boldTitles = Bool.random(using: &random)
            if Bool.random(using: &random) {
                flow.style.labels[PrismaLabel.allCases.randomElement(using: &random)!] = names.randomElement(
                    using: &random)!
                flow.style.tooltips[PrismaBox.allCases.randomElement(using: &random)!] = names.randomElement(
                    using: &random)!
                flow.style.links[PrismaBox.allCases.randomElement(using: &random)!] =
                    "https://example.org/?a=1&b=<2>"
            }
            _ = flow.check()
            _ = flow.checkIncludedStudies(sheetRows: 3, sheet: "s.csv")
            let svg = flow.svg(id: "r\(index)")
            let parser = XMLParser(data: Data(svg.utf8))
            XCTAssertTrue(
                parser.parse(), "flow \(index): \(parser.parserError.map(String.init(describing:)) ?? "")")
            // Reading back its own export may report odd names, but never crashes.
            _ = PrismaFlow.fromTemplateCSV(flow.templateCSV().csv, file: "r.csv")
        }
    }
}
