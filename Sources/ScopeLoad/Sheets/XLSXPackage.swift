import Foundation
import ScopeDiagnostics
import ZIPFoundation

/// The workbook's ZIP container. Parts are inflated into memory under `XLSXLimits`: sizes are checked
/// against the central directory before inflating, and again while inflating, because the directory
/// is written by whoever made the file and may lie.
struct XLSXPackage {
    private let archive: Archive
    /// OPC part names are case-insensitive, so parts are looked up by their lowercased path.
    private let entries: [String: Entry]
    private let limits: XLSXLimits
    private let problems: XLSXProblems

    init(url: URL, limits: XLSXLimits, problems: XLSXProblems) throws(DiagnosticsError) {
        do {
            // From the file, not from bytes in memory: ZIPFoundation's in-memory archive traps on a
            // central directory that points past the end (FuzzRegressionTests).
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw problems.error(Self.notAZIPMessage(url))
        }
        var entries: [String: Entry] = [:]
        for entry in archive where entry.type == .file {
            let key = entry.path.lowercased()
            // ZIP allows duplicate names; like ZIPFoundation's own lookup, the first one wins.
            if entries[key] == nil { entries[key] = entry }
        }
        self.entries = entries
        self.limits = limits
        self.problems = problems
    }

    func contains(_ part: String) -> Bool { entries[part.lowercased()] != nil }

    /// The part's bytes; a missing part is an error that says what it was needed for.
    func read(_ part: String, neededFor purpose: String) throws(DiagnosticsError) -> Data {
        guard let entry = entries[part.lowercased()] else {
            throw problems.error("not a readable XLSX workbook: it has no part \(part) (\(purpose))")
        }
        return try inflate(entry, part: part)
    }

    private func inflate(_ entry: Entry, part: String) throws(DiagnosticsError) -> Data {
        let declaredSize = entry.uncompressedSize
        let compressedSize = max(entry.compressedSize, 1)
        guard declaredSize <= UInt64(limits.maxEntryBytes) else {
            throw problems.error(
                "part \(part) would inflate to \(declaredSize) bytes, over the limit of "
                    + "\(limits.maxEntryBytes) bytes (limits: max_unpacked_mb)")
        }
        guard declaredSize / compressedSize <= UInt64(limits.maxCompressionRatio) else {
            throw problems.error(
                "part \(part) would inflate \(declaredSize / compressedSize) times its compressed size, over "
                    + "the limit of \(limits.maxCompressionRatio):1 (limits: max_compression_ratio); this looks like a ZIP bomb"
            )
        }
        var data = Data()
        data.reserveCapacity(Int(declaredSize))
        let checksum: CRC32
        do {
            // The declared size has passed both limits, so holding the output to it enforces them while
            // inflating; throwing from the consumer stops ZIPFoundation's loop at the first chunk too many.
            checksum = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                if data.count > declaredSize {
                    throw problems.error(
                        "part \(part) inflates past the \(declaredSize) bytes its ZIP directory declares; "
                            + "the file is damaged or crafted")
                }
            }
        } catch let breach as DiagnosticsError {
            throw breach
        } catch {
            throw problems.error("cannot inflate part \(part): the ZIP data is damaged (\(error))")
        }
        guard checksum == entry.checksum, UInt64(data.count) == declaredSize else {
            throw problems.error("part \(part) fails its ZIP checksum or size check; the file is damaged")
        }
        return data
    }

    /// Tells a missing file from a legacy `.xls` (an OLE compound file) saved under the wrong name.
    private static func notAZIPMessage(_ url: URL) -> String {
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            return "cannot open the workbook: no readable file at this path"
        }
        defer { try? handle.close() }
        let oleSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        if let head = try? handle.read(upToCount: 8), Array(head) == oleSignature {
            return "not an XLSX workbook: this is a legacy Excel 97–2003 (.xls) file; save it as .xlsx"
        }
        return "not an XLSX workbook: the file is not a ZIP archive"
    }
}
