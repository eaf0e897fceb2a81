import XCTest

@testable import ScopeCharts

/// Properties of the markup that goldens alone would not protect: which styles reach the text, which
/// marks are clipped, and that headers keep whole words.
final class ChartMarkupTests: XCTestCase {
    /// A text inheriting a stroke (e.g. from its axis group) is drawn outlined, bold and blurred, by
    /// browsers; the stroke must stop at the lines.
    func testBidiControlsInALabelAreIsolatedAndTheTooltipKeepsItsOrder() {
        let svg = HorizontalBarChart(
            id: "b", title: "T", description: "D", valueLabel: "Studies",
            bars: [BarValue(label: "home\u{202E} care", value: 2)]
        ).render()
        // FSI … PDI around the label, its override closed (PDF) inside, in the text and in the tooltip.
        XCTAssertTrue(svg.contains(">\u{2068}home\u{202E} care\u{202C}\u{2069}</text>"), svg)
        XCTAssertTrue(svg.contains("\u{2068}home\u{202E} care\u{202C}\u{2069}: 2"), svg)
        // A stray PDI would end the isolate early: it is dropped.
        XCTAssertEqual(
            SVGNode.text("a\u{2069}b\u{2067}c").render(), "\u{2068}ab\u{2067}c\u{2069}\u{2069}\n")
    }

    func testTicksOverTheWholeRangeOfDoublesAreFinite() {
        // The span 3.4e308 overflows; it used to make an infinite tick count and trap.
        let ticks = NiceTicks.linear(min: -1.7e308, max: 1.7e308, targetCount: 5)
        XCTAssertTrue(ticks.allSatisfy(\.isFinite), "\(ticks)")
        XCTAssertLessThanOrEqual(ticks.first ?? 0, -1.7e308)
        XCTAssertGreaterThanOrEqual(ticks.last ?? 0, 1.7e308)
    }

    func testNoChartTextIsStroked() throws {
        let rules = try Self.strokeRules(ChartCSS.stylesheet())
        XCTAssertFalse(rules.isEmpty, "the stylesheet should still stroke the axis lines")
        for (name, svg) in ChartFixtures.all {
            let root = try XCTUnwrap(SVGElement.parse(svg), name)
            for text in root.descendants where text.name == "text" {
                // The computed stroke comes from the nearest element that sets one, by rule or attribute.
                let setter = ([text] + text.ancestors).first { element in
                    element.attributes["stroke"] != nil || rules.contains { $0.matches(element) }
                }
                let stroke =
                    setter.flatMap { element in
                        rules.last { $0.matches(element) }?.value ?? element.attributes["stroke"]
                    } ?? "none"
                XCTAssertEqual(
                    stroke, "none", "\(name): text \"\(text.text)\" is stroked by \(setter?.name ?? "")")
            }
        }
    }

    /// librsvg 2.54 drops declarations with CSS variables and draws the presentation attributes, so each
    /// stroke rule's fallback colour must be the colour the line's attribute gives.
    func testStrokeRulesFallBackToTheLinesOwnColour() throws {
        let rules = try Self.strokeRules(ChartCSS.stylesheet())
        for (name, svg) in ChartFixtures.all {
            let root = try XCTUnwrap(SVGElement.parse(svg), name)
            for line in root.descendants where line.name == "line" {
                guard let rule = rules.last(where: { $0.matches(line) }) else { continue }
                XCTAssertEqual(rule.fallback, line.attributes["stroke"], "\(name): line \(line.classes)")
            }
        }
    }

    func testHeatMapShowsWholeHeadersAndRowLabels() throws {
        for chart in [ChartFixtures.heatMapReport, ChartFixtures.heatMapManyColumns] {
            let root = try XCTUnwrap(SVGElement.parse(chart.render()))
            let headers = try XCTUnwrap(root.first(withClass: "sr-column-labels")).children
            XCTAssertEqual(headers.map { Self.unwrapped($0.visibleText) }, chart.columns)
            let rows = try XCTUnwrap(root.first(withClass: "sr-row-labels")).children
            XCTAssertEqual(rows.map { Self.unwrapped($0.visibleText) }, chart.rows)
        }
    }

    func testHeatMapShortensOnlyAWordLongerThanTheWholeAllowanceAndKeepsItInATitle() throws {
        let word = String(repeating: "supercalifragilistic", count: 3)
        let chart = HeatMapTable(
            id: "h", title: "t", description: "d", columnLabel: "", rowLabel: "", rows: ["CT"],
            columns: ["segmentation", word], counts: [[1, 2]])
        let root = try XCTUnwrap(SVGElement.parse(chart.render()))
        let headers = try XCTUnwrap(root.first(withClass: "sr-column-labels")).children
        XCTAssertEqual(headers.count, 2)
        XCTAssertEqual(headers[0].visibleText, "segmentation")
        XCTAssertTrue(headers[1].visibleText.hasSuffix("…"))
        XCTAssertEqual(headers[1].descendants.first { $0.name == "title" }?.text, word)
    }

    func testScatterClipsTheFitButNotThePoints() throws {
        let fit = FittedLine(
            line: [ChartPoint(x: 0, y: 0.5), ChartPoint(x: 10, y: 1.2)],
            band: [BandPoint(x: 0, lower: 0.2, upper: 0.8), BandPoint(x: 10, lower: 0.9, upper: 1.5)])
        let chart = ScatterSmallMultiples(
            id: "s", title: "t", description: "d", xLabel: "x", yLabel: "y",
            panels: [
                ScatterPanel(
                    title: "AUC", points: [ChartPoint(x: 0, y: 0.6), ChartPoint(x: 10, y: 1)], fit: fit),
                ScatterPanel(title: "Accuracy", points: [ChartPoint(x: 5, y: 1)]),
            ])
        let root = try XCTUnwrap(SVGElement.parse(chart.render()))
        let clipIDs = Set(
            root.descendants.filter { $0.name == "clipPath" }.compactMap { $0.attributes["id"] })
        func clipReference(_ element: SVGElement) -> String? {
            element.ancestors.compactMap { $0.attributes["clip-path"] }.first
        }
        let points = root.descendants.filter { $0.classes.contains("sr-point") }
        XCTAssertEqual(points.count, 3)
        XCTAssertTrue(points.allSatisfy { clipReference($0) == nil })
        let fitMarks = root.descendants.filter {
            $0.classes.contains("sr-fit-band") || $0.classes.contains("sr-fit-line")
        }
        XCTAssertEqual(fitMarks.count, 2)
        for mark in fitMarks {
            let reference = try XCTUnwrap(clipReference(mark), "the fit must stay inside its panel")
            XCTAssertTrue(clipIDs.contains(String(reference.dropFirst(5).dropLast())), reference)
        }
        XCTAssertEqual(clipIDs.count, 1, "only the panel with a fit needs a clip path")
    }

    /// A strip of 100,000 values is thinned to one point per occupied cell (the same picture, a file
    /// hundreds of times smaller); below the limit every value is a point; the box's title keeps the full n.
    func testBoxStripThinsThousandsOfPointsButKeepsTheirCount() throws {
        func strip(_ count: Int) -> BoxStripPlot {
            // A skewed spread like patients per study: most small, a few large.
            let values = (0..<count).map { index -> Double in
                let base = Double(20 + (index * 7919) % 500)
                return base * Double(1 + index % 3)
            }
            return BoxStripPlot(
                id: "b", title: "t", description: "d", valueLabel: "Patients",
                groups: [BoxGroup(label: "", values: values)])
        }
        let small = try XCTUnwrap(SVGElement.parse(strip(1_000).render()))
        XCTAssertEqual(small.descendants.filter { $0.classes.contains("sr-point") }.count, 1_000)
        let large = strip(100_000).render()
        let root = try XCTUnwrap(SVGElement.parse(large))
        let points = root.descendants.filter { $0.classes.contains("sr-point") }.count
        XCTAssertGreaterThan(points, 100)
        XCTAssertLessThan(points, 20_000)
        XCTAssertLessThan(large.utf8.count, 3_000_000)
        XCTAssertTrue(large.contains("n = 100000"), "the summary counts every value")
    }

    /// Joins the lines of a label as a reader would: a line ending in a hyphen continues the word.
    private static func unwrapped(_ text: String) -> String {
        text.replacingOccurrences(of: "- ", with: "-")
    }

    /// A stylesheet rule that sets `stroke`, with its selector in the simple form the charts use.
    private struct StrokeRule {
        let element: String?
        let classes: [String]
        let value: String

        func matches(_ candidate: SVGElement) -> Bool {
            (element == nil || element == candidate.name) && classes.allSatisfy(candidate.classes.contains)
        }

        /// The colour after the variable in `var(--name, colour)`, or the value itself.
        var fallback: String {
            guard value.hasPrefix("var("), let comma = value.firstIndex(of: ",") else { return value }
            return value[value.index(after: comma)...].dropLast().trimmingCharacters(in: .whitespaces)
        }
    }

    private static func strokeRules(_ stylesheet: String) throws -> [StrokeRule] {
        var rules: [StrokeRule] = []
        for block in stylesheet.split(separator: "}") where block.contains("{") {
            let parts = block.split(separator: "{", maxSplits: 1)
            let declarations = parts.count > 1 ? String(parts[1]) : ""
            guard let stroke = Self.declaration("stroke", in: declarations) else { continue }
            for selector in parts[0].split(separator: ",") {
                let trimmed = selector.trimmingCharacters(in: .whitespaces)
                // Only `tag`, `.class` and `tag.class.class` selectors are understood here; anything else
                // must be taught to this test before the stylesheet may use it.
                XCTAssertNil(
                    trimmed.rangeOfCharacter(from: CharacterSet(charactersIn: " >+~:[#*")),
                    "unsupported selector \(trimmed)")
                let pieces = trimmed.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                rules.append(
                    StrokeRule(
                        element: pieces[0].isEmpty ? nil : pieces[0], classes: Array(pieces.dropFirst()),
                        value: stroke))
            }
        }
        return rules
    }

    private static func declaration(_ property: String, in declarations: String) -> String? {
        for declaration in declarations.split(separator: ";") {
            let parts = declaration.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == property {
                return parts[1].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }
}
