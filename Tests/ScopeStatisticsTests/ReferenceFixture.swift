import Foundation
import XCTest

/// Fixtures/reference.json, written by Fixtures/make_reference.py from scipy and numpy.
/// A null expectation means scipy answered NaN, where ScopeStatistics must say "not computable".
struct ReferenceFixture: Decodable {
    struct CorrelationCase: Decodable {
        struct PearsonExpectation: Decodable {
            struct Interval: Decodable {
                let low: Double
                let high: Double
            }
            let r: Double
            let p: Double
            let ci: Interval?
        }
        struct RankExpectation: Decodable {
            let coefficient: Double
            let p: Double
        }
        /// Integer data too large to store, rebuilt exactly as the script builds it.
        struct Generator: Decodable {
            let n: Int
            let xMultiplier: Int
            let xModulus: Int
            let yMultiplier: Int
            let yModulus: Int
            let divisor: Int
        }
        let name: String
        let n: Int
        let x: [Double]?
        let y: [Double]?
        let generator: Generator?
        let pearson: PearsonExpectation?
        let spearman: RankExpectation?
        let kendall: RankExpectation?

        func data() -> (x: [Double], y: [Double]) {
            if let x, let y { return (x, y) }
            guard let generator else { preconditionFailure("case \(name) has neither data nor generator") }
            let xs = (0..<generator.n).map { ($0 * generator.xMultiplier) % generator.xModulus }
            let ys = xs.indices.map {
                xs[$0] / generator.divisor + ($0 * generator.yMultiplier) % generator.yModulus
            }
            return (xs.map(Double.init), ys.map(Double.init))
        }
    }
    struct DescriptiveCase: Decodable {
        let name: String
        let values: [Double?]
        let n: Int
        let missing: Int
        let mean: Double?
        let sd: Double?
        let median: Double?
        let q1: Double?
        let q3: Double?
        let min: Double?
        let max: Double?
        let sum: Double?
    }
    struct QuantileCase: Decodable {
        let p: Double
        let df: Double
        let value: Double
    }
    struct TCase: Decodable {
        let t: Double
        let df: Double
        let cdf: Double
        let twoSided: Double
    }
    struct BetaCase: Decodable {
        let a: Double
        let b: Double
        let x: Double
        let value: Double
        let complement: Double
    }
    struct NormalCase: Decodable {
        let z: Double
        let value: Double
    }
    struct LogGammaCase: Decodable {
        let x: Double
        let value: Double
    }
    struct AdjustmentCase: Decodable {
        let p: [Double]
        let holm: [Double]
        let bh: [Double]
    }
    struct RegressionCase: Decodable {
        struct Band: Decodable {
            let x: Double
            let fitted: Double
            let lower: Double
            let upper: Double
        }
        let name: String
        let x: [Double]
        let y: [Double]
        let slope: Double
        let intercept: Double
        let criticalT: Double
        let bands: [Band]
    }

    let correlations: [CorrelationCase]
    let descriptive: [DescriptiveCase]
    let tQuantiles: [QuantileCase]
    let tCDF: [TCase]
    let incompleteBeta: [BetaCase]
    let normalCDF: [NormalCase]
    let logGamma: [LogGammaCase]
    let adjustments: [AdjustmentCase]
    let regressions: [RegressionCase]

    static func load() throws -> ReferenceFixture {
        let folder = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let data = try Data(contentsOf: folder.appendingPathComponent("reference.json"))
        return try JSONDecoder().decode(ReferenceFixture.self, from: data)
    }
}
