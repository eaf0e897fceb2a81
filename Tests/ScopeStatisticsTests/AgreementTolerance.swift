import XCTest

/// The agreement the module promises with scipy, and a record of the largest error seen per
/// quantity, printed at the end of each test so the margin is visible, not only the pass.
///
/// - Coefficients (r, ρ, τ, interval bounds): 1e-12 absolute.
/// - Probabilities: 1e-9 relative, or 1e-15 absolute when scipy's value is below 1e-6.
/// - Unbounded quantities (means, quantiles, slopes, ln Γ): 1e-12 relative to max(1, |expected|),
///   since 1e-12 absolute is below one ulp for values above about 4000.
final class AgreementTolerance {
    private var largestErrors: [String: Double] = [:]

    func coefficient(
        _ actual: Double, _ expected: Double, _ label: String, file: StaticString = #filePath,
        line: UInt = #line
    ) {
        let error = abs(actual - expected)
        record(label, error)
        XCTAssertLessThanOrEqual(
            error, 1e-12, "\(label): \(actual) vs scipy \(expected)", file: file, line: line)
    }

    func probability(
        _ actual: Double, _ expected: Double, _ label: String, file: StaticString = #filePath,
        line: UInt = #line
    ) {
        if expected < 1e-6 {
            let error = abs(actual - expected)
            record(label + " (absolute, below 1e-6)", error)
            XCTAssertLessThanOrEqual(
                error, 1e-15, "\(label): \(actual) vs scipy \(expected)", file: file, line: line)
        } else {
            let error = abs(actual - expected) / expected
            record(label + " (relative)", error)
            XCTAssertLessThanOrEqual(
                error, 1e-9, "\(label): \(actual) vs scipy \(expected)", file: file, line: line)
        }
    }

    func magnitude(
        _ actual: Double, _ expected: Double, _ label: String, file: StaticString = #filePath,
        line: UInt = #line
    ) {
        let error = abs(actual - expected) / max(1, abs(expected))
        record(label, error)
        XCTAssertLessThanOrEqual(
            error, 1e-12, "\(label): \(actual) vs reference \(expected)", file: file, line: line)
    }

    /// Prints "largest error: label = value" lines, sorted by label.
    func report() {
        for (label, error) in largestErrors.sorted(by: { $0.key < $1.key }) {
            print("largest error: \(label) = \(error)")
        }
    }

    private func record(_ label: String, _ error: Double) {
        largestErrors[label] = max(largestErrors[label] ?? 0, error.isNaN ? .infinity : error)
    }
}
