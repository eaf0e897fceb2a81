import ScopeDiagnostics
import ScopeLoad
import XCTest

/// Configs that crashed the loader, kept so that the crash cannot return (see Fuzz/ and `make fuzz`).
final class FuzzRegressionTests: XCTestCase {
    /// Two database counts whose sum passes `Int.max` trapped with an arithmetic overflow while the
    /// flow's totals were checked. A count above the ceiling is now an error at its line, and no sum of
    /// accepted counts can overflow.
    func testCountsNearIntMaxAreRefusedNotSummed() throws {
        let yaml = """
            prisma:
              identification:
                databases:
                  A: 9223372036854775807
                  B: 1
              included:
                studies: 2
            """
        let (flow, diagnostics) = try Fixtures.decodeYAML(yaml, file: "review.yaml")
        XCTAssertEqual(
            diagnostics.map(\.description),
            [
                "review.yaml:4:10: error: 'A' is too large a count: 9223372036854775807 (the largest accepted "
                    + "is 1000000000)"
            ])
        XCTAssertEqual(try XCTUnwrap(flow).recordsIdentified, 1)
        // The checks that used to trap run to the end.
        _ = try XCTUnwrap(flow).check()
    }

    func testTheLargestAcceptedCountsStillAddUp() throws {
        let yaml = """
            prisma:
              identification:
                databases:
                  A: 1000000000
                  B: 1000000000
            """
        let (flow, diagnostics) = try Fixtures.decodeYAML(yaml, file: "review.yaml")
        XCTAssertEqual(diagnostics.map(\.description), [])
        XCTAssertEqual(try XCTUnwrap(flow).recordsIdentified, 2_000_000_000)
    }
}
