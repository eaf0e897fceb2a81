import XCTest

@testable import ScopeCharts

final class LayoutHelperTests: XCTestCase {
    func testLinearTicksUseOneTwoFiveSteps() {
        XCTAssertEqual(NiceTicks.linear(min: 0, max: 35, targetCount: 5), [0, 10, 20, 30, 40])
        XCTAssertEqual(NiceTicks.linear(min: 0, max: 1, targetCount: 6), [0, 0.2, 0.4, 0.6, 0.8, 1])
        XCTAssertEqual(NiceTicks.linear(min: 0.61, max: 0.95, targetCount: 5), [0.6, 0.7, 0.8, 0.9, 1])
        XCTAssertEqual(NiceTicks.linear(min: -7, max: 12, targetCount: 5), [-10, -5, 0, 5, 10, 15])
        XCTAssertEqual(NiceTicks.linear(min: 0, max: 3, targetCount: 8, integerOnly: true), [0, 1, 2, 3])
        XCTAssertEqual(NiceTicks.linear(min: 5, max: 5, targetCount: 5), [4.5, 5, 5.5])
        XCTAssertEqual(NiceTicks.linear(min: 0, max: 0, targetCount: 3), [0, 0.5, 1])
    }

    func testNiceStep() {
        XCTAssertEqual(NiceTicks.niceStep(rawStep: 0.13, integerOnly: false), 0.2)
        XCTAssertEqual(NiceTicks.niceStep(rawStep: 3, integerOnly: false), 5)
        XCTAssertEqual(NiceTicks.niceStep(rawStep: 7, integerOnly: false), 10)
        XCTAssertEqual(NiceTicks.niceStep(rawStep: 0.3, integerOnly: true), 1)
    }

    func testLogTicks() {
        XCTAssertEqual(NiceTicks.log10(min: 12, max: 7000), [10, 100, 1000, 10000])
        XCTAssertEqual(NiceTicks.log10(min: 25, max: 80), [20, 50, 100])
        XCTAssertEqual(NiceTicks.log10(min: 15, max: 80), [10, 20, 50, 100])
        XCTAssertEqual(NiceTicks.log10(min: 1, max: 1e12), [1, 100, 1e4, 1e6, 1e8, 1e10, 1e12])
    }

    func testNumberLabels() {
        XCTAssertEqual(NumberLabels.tick(0.5, step: 0.25), "0.50")
        XCTAssertEqual(NumberLabels.tick(0.6, step: 0.1), "0.6")
        XCTAssertEqual(NumberLabels.tick(1, step: 0.2), "1.0")
        XCTAssertEqual(NumberLabels.tick(-5, step: 5), "\u{2212}5")
        XCTAssertEqual(NumberLabels.tick(20000, step: 5000), "20,000")
        XCTAssertEqual(NumberLabels.tick(2019, step: 1), "2019")
        XCTAssertEqual(NumberLabels.logTick(0.01), "0.01")
        XCTAssertEqual(NumberLabels.value(2.50), "2.5")
    }

    func testHorizontalTickLabelsDoNotOverlap() {
        let axis = NumericAxis(
            values: [0, 123_456], scale: .linear, start: 0, end: 200, orientation: .horizontal, fontSize: 18)
        let positions = axis.ticks.map(axis.position)
        for index in axis.ticks.indices.dropFirst() {
            let halves =
                (TextMetrics.width(of: axis.labels[index], fontSize: 18)
                    + TextMetrics.width(of: axis.labels[index - 1], fontSize: 18)) / 2
            XCTAssertGreaterThan(positions[index] - positions[index - 1], halves)
        }
    }

    func testBoxStatisticsMatchRType7() throws {
        let stats = try XCTUnwrap(BoxStatistics((1...10).map(Double.init) + [40]))
        XCTAssertEqual(stats.lowerQuartile, 3.5)
        XCTAssertEqual(stats.median, 6)
        XCTAssertEqual(stats.upperQuartile, 8.5)
        XCTAssertEqual(stats.lowerWhisker, 1)
        XCTAssertEqual(stats.upperWhisker, 10)
        XCTAssertNil(BoxStatistics([]))
    }

    func testHeatMapTextContrast() {
        XCTAssertEqual(HeatMapColors.fill(0), "#DEEBF7")
        XCTAssertEqual(HeatMapColors.fill(1), "#08306B")
        XCTAssertEqual(HeatMapColors.text(on: HeatMapColors.fill(0)), "#000000")
        XCTAssertEqual(HeatMapColors.text(on: HeatMapColors.fill(1)), "#FFFFFF")
    }

    func testPointThinningKeepsTheFirstPointPerCell() {
        let pixels: [(x: Double, y: Double)] = [(0.1, 0.1), (0.9, 0.5), (1.2, 0.1), (5, 5)]
        XCTAssertEqual(PointThinning.keptIndices(of: pixels, cellSize: 1), [0, 2, 3])
    }

    func testHorizontalBarsSortDescendingKeepingTheGivenOrderForTiesAndSumTheRest() {
        // Tied bars are deliberately not in label order: they keep the caller's (codebook) order.
        let chart = HorizontalBarChart(
            id: "c", title: "t", description: "d", valueLabel: "v",
            bars: [
                BarValue(label: "b", value: 2), BarValue(label: "e", value: 1),
                BarValue(label: "c", value: 5), BarValue(label: "a", value: 2),
                BarValue(label: "z", value: 2), BarValue(label: "d", value: 1),
            ], topN: 4)
        XCTAssertEqual(
            chart.displayedBars,
            [
                BarValue(label: "c", value: 5), BarValue(label: "b", value: 2),
                BarValue(label: "a", value: 2), BarValue(label: "z", value: 2),
                BarValue(label: "Other", value: 2),
            ])
    }

    func testHorizontalBarsKeepTheGivenOrderOfManyTies() {
        // Enough equal values that an unstable sort would be likely to reorder them.
        let labels = (0..<200).map { "category \(($0 * 37) % 200)" }
        let chart = HorizontalBarChart(
            id: "c", title: "t", description: "d", valueLabel: "v",
            bars: labels.enumerated().map { BarValue(label: $1, value: Double($0 % 3)) })
        let expected = [2.0, 1, 0].flatMap { value in
            labels.enumerated().filter { Double($0.offset % 3) == value }.map(\.element)
        }
        XCTAssertEqual(chart.displayedBars.map(\.label), expected)
    }
}
