import Foundation
import XCTest

@testable import ScopeStatistics

/// The merge-sort Kendall against the O(n²) definition, and its speed at the benchmark's size.
final class KendallAlgorithmTests: XCTestCase {
    /// A deterministic linear congruential generator, so failures reproduce.
    private struct Generator {
        var state: UInt64
        mutating func next(below bound: Int) -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(Int(state >> 33) % bound)
        }
    }

    func testInversionCountMatchesPairwiseDefinition() {
        var generator = Generator(state: 42)
        for count in [0, 1, 2, 3, 7, 8, 9, 100, 257] {
            let values = (0..<count).map { _ in generator.next(below: 20) }
            var bruteForce = 0
            for i in values.indices {
                for j in values.indices where j > i && values[i] > values[j] { bruteForce += 1 }
            }
            var sorted = values
            XCTAssertEqual(sortCountingInversions(&sorted), bruteForce, "n = \(count)")
            XCTAssertEqual(sorted, values.sorted(), "n = \(count)")
        }
    }

    func testTauMatchesPairwiseDefinitionWithTies() throws {
        var generator = Generator(state: 7)
        let x = (0..<400).map { _ in generator.next(below: 9) }
        let y = x.map { $0 + generator.next(below: 12) }
        var concordant = 0
        var discordant = 0
        var tiedXOnly = 0
        var tiedYOnly = 0
        for i in x.indices {
            for j in x.indices where j > i {
                let product = (x[i] - x[j]) * (y[i] - y[j])
                if product > 0 { concordant += 1 }
                if product < 0 { discordant += 1 }
                if x[i] == x[j] && y[i] != y[j] { tiedXOnly += 1 }
                if y[i] == y[j] && x[i] != x[j] { tiedYOnly += 1 }
            }
        }
        // τ-b = (C − D) / √((C + D + Tx)(C + D + Ty)), with ties in both excluded from both factors.
        let expected =
            Double(concordant - discordant)
            / (Double(concordant + discordant + tiedXOnly) * Double(concordant + discordant + tiedYOnly))
            .squareRoot()
        let tau = try XCTUnwrap(RankCorrelation.kendall(x, y).value).coefficient
        XCTAssertEqual(tau, expected, accuracy: 1e-14)
    }

    func testHundredThousandRowsCorrelateQuickly() throws {
        var generator = Generator(state: 2024)
        let x = (0..<100_000).map { _ in generator.next(below: 5000) }
        let y = x.map { $0 + generator.next(below: 20000) }
        let start = Date()
        let analysis = CorrelationAnalysis.correlate(x, y)
        let seconds = Date().timeIntervalSince(start)
        print("correlating 100,000 rows took \(seconds) s")
        let kendall = try XCTUnwrap(analysis.kendall.value)
        XCTAssertGreaterThan(kendall.coefficient, 0.1)
        // O(n²) would take minutes; O(n log n) takes well under a second even in a debug build.
        XCTAssertLessThan(seconds, 10)
    }
}
