import XCTest

@testable import ScopeCharts
@testable import ScopeLoad

final class CountFormattingTests: XCTestCase {
    func testThousandsAreGroupedWithCommas() {
        XCTAssertEqual(CountFormatting.grouped(0), "0")
        XCTAssertEqual(CountFormatting.grouped(999), "999")
        XCTAssertEqual(CountFormatting.grouped(1234), "1,234")
        XCTAssertEqual(CountFormatting.grouped(1_234_567), "1,234,567")
    }
}
