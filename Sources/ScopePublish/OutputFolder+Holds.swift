import Foundation
import ScopeDiagnostics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension OutputFolder {
    /// Whether every file in `outputs` (path → SHA-256, as the manifest lists them) is in the folder
    /// with that hash, i.e. nobody edited the report by hand since it was built.
    ///
    /// Hashing every output took longer than all the rest of a no-op rebuild, so, like git's index, a
    /// record beside the folder (`.NAME.checked`) keeps each file's size, times and inode from the last
    /// check that hashed it. A file whose status is unchanged since, and whose last change came before
    /// that check began (a change in the same clock tick would leave the status as it was), is taken
    /// as verified; every other file is hashed, and after a successful check the record is renewed.
    /// Call inside `withLock`.
    public func holds(_ outputs: [String: String]) -> Bool {
        let record = CheckRecord.read(from: checkRecordPath)
        let started = CheckRecord.coarseNow()
        var statuses: [(path: String, status: FileStatus, hash: String)] = []
        var unverified: [Int] = []
        let folder = url.path
        for (path, hash) in outputs.sorted(by: { $0.key < $1.key }) {
            guard let status = FileStatus(path: folder + "/" + path) else { return false }
            if let known = record?.files[path], known.hash == hash, known.status == status,
                status.changed < record!.started
            {
                statuses.append((path, status, hash))
                continue
            }
            unverified.append(statuses.count)
            statuses.append((path, status, hash))
        }
        guard !unverified.isEmpty else { return true }
        var contents: [[UInt8]] = []
        for index in unverified {
            guard let bytes = readFile(statuses[index].path) else { return false }
            contents.append(bytes)
        }
        guard SHA256.hex(eachOf: contents) == unverified.map({ statuses[$0].hash }) else { return false }
        CheckRecord(
            started: started,
            files: Dictionary(
                uniqueKeysWithValues: statuses.map { ($0.path, (status: $0.status, hash: $0.hash)) })
        ).write(to: checkRecordPath)
        return true
    }

    private var checkRecordPath: String {
        parentPath + "/.\(name).checked"
    }
}

/// A file's identity and last change as `stat(2)` gives them (following symlinks, as reading does).
struct FileStatus: Equatable {
    var size: Int64
    var modified: Timestamp
    /// The inode's last change (content or metadata); no user can set it back.
    var changed: Timestamp
    var inode: UInt64
    var device: UInt64

    init?(path: String) {
        var raw = stat()
        guard stat(path, &raw) == 0, raw.st_mode & S_IFMT == S_IFREG else { return nil }
        size = Int64(raw.st_size)
        #if os(Linux)
            modified = Timestamp(raw.st_mtim)
            changed = Timestamp(raw.st_ctim)
        #else
            modified = Timestamp(raw.st_mtimespec)
            changed = Timestamp(raw.st_ctimespec)
        #endif
        inode = UInt64(raw.st_ino)
        device = UInt64(raw.st_dev)
    }

    init(size: Int64, modified: Timestamp, changed: Timestamp, inode: UInt64, device: UInt64) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
        self.device = device
    }
}

struct Timestamp: Equatable, Comparable {
    var seconds: Int64
    var nanoseconds: Int64

    init(seconds: Int64, nanoseconds: Int64) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    init(_ time: timespec) { self.init(seconds: Int64(time.tv_sec), nanoseconds: Int64(time.tv_nsec)) }

    static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }
}

/// `.NAME.checked`: when the last hashing check began, and each file's status and hash then. One
/// line per file; a record that does not read back whole (ending in `end`) counts as absent.
struct CheckRecord {
    var started: Timestamp
    var files: [String: (status: FileStatus, hash: String)]

    private static let header = "scopereport output check 1"

    /// The clock file times are taken from: a file changed after this call gets a time at or after it.
    static func coarseNow() -> Timestamp {
        var now = timespec()
        #if os(Linux)
            clock_gettime(CLOCK_REALTIME_COARSE, &now)
        #else
            clock_gettime(CLOCK_REALTIME, &now)
        #endif
        return Timestamp(now)
    }

    static func read(from path: String) -> CheckRecord? {
        guard let data = LocalFiles.contents(path) else { return nil }
        // Split by bytes: a record lists every output, and a no-op rebuild reads it every time.
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard lines.count >= 4, lines[0].elementsEqual(header.utf8),
            lines[lines.count - 2].elementsEqual("end".utf8),
            lines.last!.isEmpty
        else { return nil }
        let start = lines[1].split(separator: UInt8(ascii: " "))
        guard start.count == 3, start[0].elementsEqual("started".utf8), let seconds = number(start[1]),
            let nanoseconds = number(start[2])
        else { return nil }
        var files: [String: (status: FileStatus, hash: String)] = [:]
        for line in lines[2..<(lines.count - 2)] {
            let fields = line.split(separator: UInt8(ascii: " "), maxSplits: 8)
            guard fields.count == 9, let size = number(fields[0]), let mtime = number(fields[1]),
                let mtimeNanoseconds = number(fields[2]), let ctime = number(fields[3]),
                let ctimeNanoseconds = number(fields[4]), let inode = number(fields[5]),
                let device = number(fields[6])
            else { return nil }
            let status = FileStatus(
                size: size, modified: Timestamp(seconds: mtime, nanoseconds: mtimeNanoseconds),
                changed: Timestamp(seconds: ctime, nanoseconds: ctimeNanoseconds),
                inode: UInt64(bitPattern: inode),
                device: UInt64(bitPattern: device))
            files[String(decoding: fields[8], as: UTF8.self)] = (
                status, String(decoding: fields[7], as: UTF8.self)
            )
        }
        return CheckRecord(started: Timestamp(seconds: seconds, nanoseconds: nanoseconds), files: files)
    }

    /// A decimal number as `write` puts it (inode and device numbers as their Int64 bit pattern).
    private static func number(_ digits: ArraySlice<UInt8>) -> Int64? {
        var rest = digits[...]
        let negative = rest.first == UInt8(ascii: "-")
        if negative { rest = rest.dropFirst() }
        guard !rest.isEmpty, rest.count <= 19 else { return nil }
        var value: Int64 = 0
        for digit in rest {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
            let (scaled, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            value = scaled + Int64(digit - UInt8(ascii: "0"))
        }
        return negative ? -value : value
    }

    /// Best effort: without a record the next check hashes everything, which is only slower.
    func write(to path: String) {
        var text = "\(Self.header)\nstarted \(started.seconds) \(started.nanoseconds)\n"
        for (path, file) in files.sorted(by: { $0.key < $1.key }) {
            let status = file.status
            text += "\(status.size) \(status.modified.seconds) \(status.modified.nanoseconds) "
            text += "\(status.changed.seconds) \(status.changed.nanoseconds) "
            text += "\(Int64(bitPattern: status.inode)) \(Int64(bitPattern: status.device)) "
            text += "\(file.hash) \(path)\n"
        }
        text += "end\n"
        try? Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }
}
