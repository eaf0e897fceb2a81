import Foundation
import ScopeSystem
import XCTest

@testable import ScopePublish

/// FIPS 180-4 test vectors (NIST's "SHA-256 examples") and block-boundary cases, through OpenSSL.
final class SHA256Tests: XCTestCase {
    func testNISTVectors() {
        XCTAssertEqual(
            SHA256.hex(Array("".utf8)), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(
            SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(
            SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(
            SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testStreamingInPiecesEqualsOneShot() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        for cut in [0, 1, 55, 56, 63, 64, 65, 127, 999] {
            let hasher = SHA256()
            hasher.update(bytes[..<cut])
            hasher.update(bytes[cut...])
            XCTAssertEqual(hasher.finalizeHex(), SHA256.hex(bytes), "cut at \(cut)")
        }
    }

    /// A file hashed a piece at a time (1 MiB pieces: the cut falls inside a block) matches its bytes
    /// hashed whole; a file that cannot be read has no hash.
    func testFileHashedInPiecesEqualsTheBytesHashedWhole() throws {
        let bytes = (0..<(3 << 20) + 77).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sha-\(UUID().uuidString)")
            .path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        XCTAssertEqual(SHA256.hex(ofFileAt: path), SHA256.hex(bytes))
        XCTAssertNil(SHA256.hex(ofFileAt: path + ".missing"))
    }
}
