import CSystem
import ScopeDiagnostics

/// SHA-256 (FIPS 180-4), for the manifest's file hashes and the no-op check.
///
/// Written here rather than taken from swift-crypto because that package builds BoringSSL (over a
/// minute on two cores, on every CI run) for the one function we need; the test checks NIST vectors.
/// Every build hashes its inputs and every output (hundreds of MB for 100,000 studies), so the block
/// function works on raw pointers and local variables: no array bounds checks or copy-on-write checks
/// in the 64 rounds. Where the CPU has the SHA extensions the blocks go to `sr_sha256_compress` (C,
/// eight times faster); the tests check both block functions against the same vectors.
public struct SHA256: Sendable {
    private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
    )
    /// The bytes of an incomplete block, waiting for more input.
    private var buffer: [UInt8] = []
    private var length: UInt64 = 0

    /// Whether this hasher runs the blocks on the CPU's SHA extensions.
    let usesHardware: Bool

    private static let hardwareAvailable = sr_sha256_hardware() == 1

    public init() { self.init(hardware: Self.hardwareAvailable) }

    /// `hardware: false` runs the software rounds even where the CPU has the extensions (tests).
    init(hardware: Bool) {
        usesHardware = hardware && Self.hardwareAvailable
        buffer.reserveCapacity(64)
    }

    public static func hex<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalizeHex()
    }

    /// The SHA-256 of the file at `path`, read a piece at a time: a data folder may hold a file of
    /// gigabytes, which must not be read whole to be hashed. Nil when it cannot be read.
    public static func hex(ofFileAt path: String) -> String? {
        var hasher = SHA256()
        guard LocalFiles.forEachPiece(of: path, { hasher.update(contiguous: $0) }) else { return nil }
        return hasher.finalizeHex()
    }

    public mutating func update<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable {
            update(contiguous: UnsafeRawBufferPointer($0))
        }
        if done == nil { Array(bytes).withUnsafeBytes { update(contiguous: $0) } }
    }

    private mutating func update(contiguous bytes: UnsafeRawBufferPointer) {
        length &+= UInt64(bytes.count)
        var offset = 0
        if !buffer.isEmpty {
            let take = min(64 - buffer.count, bytes.count)
            buffer.append(contentsOf: bytes[0..<take])
            offset = take
            if buffer.count == 64 {
                let block = buffer
                block.withUnsafeBytes { compress($0.baseAddress!, blocks: 1) }
                buffer.removeAll(keepingCapacity: true)
            }
        }
        let whole = (bytes.count - offset) / 64
        if whole > 0 {
            compress(bytes.baseAddress! + offset, blocks: whole)
            offset += whole * 64
        }
        buffer.append(contentsOf: bytes[offset...])
    }

    public mutating func finalizeHex() -> String {
        let bitLength = length &* 8
        var padding: [UInt8] = [0x80]
        let padded = (buffer.count + 1) % 64
        padding += [UInt8](repeating: 0, count: padded <= 56 ? 56 - padded : 120 - padded)
        for shift in stride(from: 56, through: 0, by: -8) {
            padding.append(UInt8(truncatingIfNeeded: bitLength >> shift))
        }
        let savedLength = length
        update(padding)
        length = savedLength
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        let words = [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7]
        for word in words {
            for shift in stride(from: 28, through: 0, by: -4) {
                text.append(digits[Int((word >> UInt32(shift)) & 0xF)])
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Runs the block function over `blocks` consecutive 64-byte blocks starting at `data`.
    private mutating func compress(_ data: UnsafeRawPointer, blocks: Int) {
        if usesHardware {
            withUnsafeMutableBytes(of: &state) { words in
                sr_sha256_compress(
                    words.baseAddress!.assumingMemoryBound(to: UInt32.self),
                    data.assumingMemoryBound(to: UInt8.self), blocks)
            }
            return
        }
        var (h0, h1, h2, h3, h4, h5, h6, h7) = state
        let k = sr_sha256_round_constants()!
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            for block in 0..<blocks {
                let base = data + block * 64
                for i in 0..<16 {
                    w[i] = UInt32(bigEndian: base.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self))
                }
                for i in 16..<64 {
                    let s0 = w[i - 15].rotatedRight(7) ^ w[i - 15].rotatedRight(18) ^ (w[i - 15] >> 3)
                    let s1 = w[i - 2].rotatedRight(17) ^ w[i - 2].rotatedRight(19) ^ (w[i - 2] >> 10)
                    w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
                }
                var (a, b, c, d, e, f, g, h) = (h0, h1, h2, h3, h4, h5, h6, h7)
                for i in 0..<64 {
                    let s1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
                    let choice = (e & f) ^ (~e & g)
                    let t1 = h &+ s1 &+ choice &+ k[i] &+ w[i]
                    let s0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
                    let majority = (a & b) ^ (a & c) ^ (b & c)
                    let t2 = s0 &+ majority
                    (h, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
                }
                h0 &+= a
                h1 &+= b
                h2 &+= c
                h3 &+= d
                h4 &+= e
                h5 &+= f
                h6 &+= g
                h7 &+= h
            }
        }
        state = (h0, h1, h2, h3, h4, h5, h6, h7)
    }
}

extension UInt32 {
    fileprivate func rotatedRight(_ count: UInt32) -> UInt32 { (self >> count) | (self << (32 - count)) }
}
