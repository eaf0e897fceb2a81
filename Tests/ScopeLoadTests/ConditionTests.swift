import XCTest

@testable import ScopeLoad

final class ConditionTests: XCTestCase {
    func testAndInsideQuotesDoesNotSplitTheCondition() throws {
        let condition = try Condition.parse("setting == 'home and community' and year >= 2015").get()
        XCTAssertEqual(condition.clauses.map(\.column), ["setting", "year"])
        XCTAssertEqual(condition.clauses.map(\.value), ["home and community", "2015"])
        XCTAssertEqual(try Condition.parse("a contains \"x and y\"").get().clauses.map(\.value), ["x and y"])
    }

    func testAnUnreadableClauseSaysHowToWriteOne() {
        guard case .failure(let error) = Condition.parse("year > 2015 and task diagnosis") else {
            return XCTFail("a clause without an operator must be refused")
        }
        XCTAssertEqual(
            error.message,
            "cannot read condition \"task diagnosis\"; write COLUMN OP VALUE with OP one of ==, !=, contains, >=, <=, >, <"
        )
    }
}
