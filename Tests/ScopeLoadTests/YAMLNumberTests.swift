import ScopeDiagnostics
import XCTest
import Yams

@testable import ScopeLoad

/// Config numbers are what Yams makes of them, in every form YAML allows.
final class YAMLNumberTests: XCTestCase {
    private func read(_ text: String) -> (int: Int?, double: Double?, yamsInt: Int?, yamsDouble: Double?) {
        let root = try! Yams.compose(yaml: "k: \(text)\n", .basic, Constructor([:], [:], [:]), .utf8)!
        var diagnostics: [Diagnostic] = []
        var fields = YAMLFields(root, file: "review.yaml", what: "the config", diagnostics: &diagnostics)!
        let int = fields.int("k", &diagnostics)
        let double = fields.double("k", &diagnostics)
        let node = root.mapping!["k"]!
        return (int, double, node.int, node.float ?? node.int.map(Double.init))
    }

    func testEveryNumberIsWhatYamsMakesOfIt() {
        let texts = [
            "12", "-3", "+7", "0", "-0", "+0", "012", "0x1F", "0o17", "0b101", "1_000", "1:30", "00", "1.5",
            "-0.25", "0.05", "00.5", "1.", ".5", "1e3", "2.5E-2", ".inf", "-.inf", ".nan", "'12'", "\"3.5\"",
            "12a", "", "9223372036854775807", "9223372036854775808", "3.14159265358979323846",
        ]
        for text in texts {
            let read = read(text)
            XCTAssertEqual(read.int, read.yamsInt, "int of \(text)")
            if let double = read.double, let yams = read.yamsDouble, double.isNaN {
                XCTAssertTrue(yams.isNaN, "double of \(text)")
            } else {
                XCTAssertEqual(read.double, read.yamsDouble, "double of \(text)")
            }
        }
    }

    func testTheUsualNumbers() {
        XCTAssertEqual(read("12").int, 12)
        XCTAssertEqual(read("0.05").double, 0.05)
        XCTAssertNil(read("'12'").int, "a quoted scalar is text")
        XCTAssertEqual(read("012").int, 10, "YAML 1.1 octal")
    }
}
