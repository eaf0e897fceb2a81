import COpenSSLCrypto

/// SHA-256, for the manifest's file hashes, the data fingerprint and the no-op check.
///
/// OpenSSL's, from the system like cmark-gfm: a large review's build hashes a few hundred megabytes,
/// which OpenSSL does with the processor's SHA instructions where it has them (several times faster
/// than any plain Swift code). swift-crypto would give the same but builds BoringSSL from source, over
/// a minute on two cores on every fresh build. The tests check NIST's vectors.
public final class SHA256 {
    private let context: OpaquePointer

    public init() {
        // Only allocation can fail here, and a process that cannot allocate 200 bytes cannot go on.
        guard let context = EVP_MD_CTX_new(), EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
            fatalError("OpenSSL could not set up a SHA-256 digest")
        }
        self.context = context
    }

    deinit { EVP_MD_CTX_free(context) }

    public static func hex<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalizeHex()
    }

    /// The SHA-256 of the file at `path`, read a piece at a time: a data folder may hold a file of
    /// gigabytes, which must not be read whole to be hashed. Nil when it cannot be read.
    public static func hex(ofFileAt path: String) -> String? {
        let hasher = SHA256()
        guard LocalFiles.forEachPiece(of: path, { hasher.update(contiguous: $0) }) else { return nil }
        return hasher.finalizeHex()
    }

    public func update<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable {
            update(contiguous: UnsafeRawBufferPointer($0))
        }
        if done == nil { Array(bytes).withUnsafeBytes { update(contiguous: $0) } }
    }

    func update(contiguous bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        EVP_DigestUpdate(context, base, bytes.count)
    }

    /// The digest as 64 lowercase hex digits. The hasher is spent after it.
    public func finalizeHex() -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &digest, &length)
        let digits = Array("0123456789abcdef".utf8)
        let text = digest.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]] }
        return String(decoding: text, as: UTF8.self)
    }
}
