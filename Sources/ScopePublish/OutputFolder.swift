import CSystem
import Foundation
import ScopeDiagnostics
import ScopeSystem

/// Writes a report folder so that readers only ever see the old folder or the new one, whole: the
/// files go into a staging folder beside the target, which is then swapped in with one `renameat2`
/// exchange (or `rename(2)` when there was no old folder). A build that fails or is killed before
/// the swap leaves the previous report byte for byte as it was.
///
/// The folder is replaced only when it is empty or holds a report this tool wrote and nothing else
/// (`current()`): a build pointed at the wrong folder must never delete a user's files. Beside the
/// folder the tool makes only `.NAME.lock`, `.NAME.staging-PID` and `.NAME.old-PID`, opens them without
/// following symlinks, and cleans up only those exact names.
///
/// Foundation's `FileManager.replaceItemAt` is not used: on this toolchain it loses data.
public struct OutputFolder: Sendable {
    public let url: URL
    let parentPath: String
    let name: String

    public init(_ url: URL) {
        self.url = url.standardizedFileURL
        let path = self.url.path
        let slash = path.lastIndex(of: "/") ?? path.startIndex
        parentPath = slash == path.startIndex ? "/" : String(path[..<slash])
        name = String(path[path.index(after: slash)...])
    }

    private var lockPath: String { parentPath + "/.\(name).lock" }

    public enum Failure: Error, CustomStringConvertible {
        /// The folder (or a name the tool uses beside it) is not the tool's to replace.
        case refused(path: String, reason: String)
        case io(String, path: String)

        public var description: String {
            switch self {
            case .refused(let path, let reason): "refusing to replace \(path): \(reason)"
            case .io(let what, let path): "\(what): \(path)"
            }
        }
    }

    /// The report the folder holds now, as far as this tool wrote it.
    public struct CurrentReport: Sendable {
        public var manifest: Manifest
        /// Every file in the folder (relative, `/`-separated), `manifest.json` included.
        public var files: Set<String>
    }

    /// What the folder holds: nil when it does not exist or holds no file, else the report this tool
    /// wrote there. Throws `refused` for anything else — not a folder, a symlink, no manifest, a
    /// manifest another program wrote, or a file or link the manifest does not list — and touches
    /// nothing, so a build can ask before it creates its lock.
    public func current() throws -> CurrentReport? {
        var status = stat()
        if lstat(url.path, &status) != 0 {
            guard errno == ENOENT else { throw Failure.io("cannot read", path: url.path) }
            return nil
        }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: break
        case S_IFLNK:
            throw Failure.refused(
                path: url.path, reason: "it is a symbolic link; give the folder it points to as --out")
        default: throw Failure.refused(path: url.path, reason: "it is not a folder; choose another --out")
        }
        var files: Set<String> = []
        var others: [String] = []
        Self.walk(url.path, under: "", files: &files, others: &others)
        if files.isEmpty, others.isEmpty { return nil }
        guard files.contains("manifest.json") else {
            throw Failure.refused(
                path: url.path,
                reason: "it is not empty and holds no manifest.json, so it is not a ScopeReport output "
                    + "folder; choose another --out")
        }
        guard let bytes = LocalFiles.contents(url.path + "/manifest.json"),
            let manifest = Manifest.decode(bytes), manifest.tool == Manifest.toolName
        else {
            throw Failure.refused(
                path: url.path,
                reason: "its manifest.json was not written by scopereport, so it is not a ScopeReport "
                    + "output folder; choose another --out")
        }
        let foreign =
            (Array(files.subtracting(manifest.outputs.keys).subtracting(["manifest.json"])) + others)
            .sorted()
        guard foreign.isEmpty else {
            let shown = foreign.prefix(3).joined(separator: ", ")
            let more = foreign.count > 3 ? " and \(foreign.count - 3) more" : ""
            throw Failure.refused(
                path: url.path,
                reason: "it holds what scopereport did not write (\(shown)\(more)), which a build would "
                    + "delete; move it elsewhere, or choose another --out")
        }
        return CurrentReport(manifest: manifest, files: files)
    }

    /// The regular files below `root/relative` into `files`, and anything else that is not a folder
    /// (symlinks, FIFOs, devices) into `others`. Symlinks are never followed.
    private static func walk(
        _ root: String, under relative: String, files: inout Set<String>, others: inout [String]
    ) {
        let folder = relative.isEmpty ? root : root + "/" + relative
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names {
            let path = relative.isEmpty ? name : relative + "/" + name
            var status = stat()
            guard lstat(root + "/" + path, &status) == 0 else { continue }
            switch status.st_mode & S_IFMT {
            case S_IFDIR: walk(root, under: path, files: &files, others: &others)
            case S_IFREG: files.insert(path)
            default: others.append(path)
            }
        }
    }

    /// The file at `relative` in the current report, if there is one.
    public func readFile(_ relative: String) -> [UInt8]? {
        LocalFiles.contents(url.path + "/" + relative)
    }

    /// Whether the folder holds exactly `outputs` (path → SHA-256, as the manifest lists them) besides
    /// its manifest: every file there, with that hash, and no other. Hashes the files on every core.
    public func holds(_ outputs: [String: String], given current: CurrentReport) -> Bool {
        guard current.files == Set(outputs.keys).union(["manifest.json"]) else { return false }
        let paths = outputs.keys.sorted()
        let folder = url.path
        let digests = ParallelMap.map(paths.count, parallel: paths.count > 1) {
            SHA256.hex(ofFileAt: folder + "/" + paths[$0])
        }
        return zip(paths, digests).allSatisfy { outputs[$0] == $1 }
    }

    /// Holds an exclusive lock beside the folder while `body` runs, so two builds into the same folder
    /// take turns instead of interleaving their swaps. The lock file is never opened through a symlink.
    public func withLock<T>(_ body: () throws -> T) throws -> T {
        if !LocalFiles.isFolder(parentPath) {
            try FileManager.default.createDirectory(atPath: parentPath, withIntermediateDirectories: true)
        }
        let descriptor = open(lockPath, O_CREAT | O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else {
            if errno == ELOOP {
                throw Failure.refused(
                    path: url.path, reason: "its lock file \(lockPath) is a symbolic link; remove it")
            }
            throw Failure.io("cannot create the lock file", path: lockPath)
        }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX) == 0 else { throw Failure.io("cannot lock", path: lockPath) }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    /// Replaces the folder with exactly `files` (relative path → bytes). Call inside `withLock`.
    public func replace(with files: [(path: String, bytes: [UInt8])]) throws {
        let staged = try stage()
        do {
            for file in files { try staged.write(file.path, file.bytes) }
            try staged.commit()
        } catch {
            staged.discard()
            throw error
        }
    }

    /// Starts a replacement written file by file, for a report too large to hold whole in memory:
    /// `write` each file, then `commit` (or `discard`). Call inside `withLock`.
    public func stage() throws -> StagedReport {
        try removeLeftovers()
        let exists = try current() != nil || LocalFiles.isFolder(url.path)
        let staging = parentPath + "/.\(name).staging-\(getpid())"
        guard mkdir(staging, 0o777) == 0 else { throw Failure.io("cannot create", path: staging) }
        return StagedReport(folder: self, stagingPath: staging, replacesExisting: exists)
    }

    /// The new report being written into a staging folder beside the old one, which readers still see.
    public final class StagedReport {
        private let folder: OutputFolder
        private let stagingPath: String
        private let replacesExisting: Bool
        private var folders: Set<String>

        fileprivate init(folder: OutputFolder, stagingPath: String, replacesExisting: Bool) {
            self.folder = folder
            self.stagingPath = stagingPath
            self.replacesExisting = replacesExisting
            folders = [stagingPath]
        }

        /// `path` is relative, `/`-separated (`figures/x.svg`).
        public func write(_ path: String, _ bytes: [UInt8]) throws {
            try makeParentFolder(of: path)
            try OutputFolder.writeNewFile(bytes, to: stagingPath + "/" + path)
        }

        private func makeParentFolder(of path: String) throws {
            guard let slash = path.lastIndex(of: "/") else { return }
            let parent = stagingPath + "/" + path[..<slash]
            if folders.insert(parent).inserted {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            }
        }

        /// Gives the new report the current report's file at `path` when it holds exactly `bytes`: a
        /// hard link, so no bytes are written. The file is never written through either name, and the
        /// old folder is deleted after the swap, so each report still reads as it was built. False when
        /// the file differs or cannot be linked (another file system, no hard links): then `write` it.
        public func reuse(_ path: String, of current: OutputFolder, ifItHolds bytes: [UInt8]) -> Bool {
            let source = current.url.path + "/" + path
            // A regular file only: a symlink would be linked as a symlink, to whatever it points at.
            var status = stat()
            guard lstat(source, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
                status.st_size == bytes.count,
                current.readFile(path) == bytes
            else { return false }
            do {
                try makeParentFolder(of: path)
            } catch {
                return false
            }
            return link(source, stagingPath + "/" + path) == 0
        }

        /// Swaps the staging folder in: readers see the new report, whole.
        public func commit() throws {
            do {
                try folder.swapIn(stagingPath, replacingExisting: replacesExisting)
            } catch {
                discard()
                throw error
            }
        }

        /// Removes what was written; the previous report stays as it was.
        public func discard() {
            try? FileManager.default.removeItem(atPath: stagingPath)
        }
    }

    /// Writes a new file straight from the bytes; the staging folder as a whole is what is swapped in
    /// atomically. `O_EXCL | O_NOFOLLOW`: the file must not exist, not even as a link. Mode 0666 less
    /// the umask, as `FileManager.createFile` gives.
    fileprivate static func writeNewFile(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw Failure.io("cannot write", path: path) }
        defer { close(descriptor) }
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                guard written > 0 else { throw Failure.io("cannot write", path: path) }
                offset += written
            }
        }
    }

    fileprivate func swapIn(_ staging: String, replacingExisting exists: Bool) throws {
        if !exists {
            guard rename(staging, url.path) == 0 else {
                throw Failure.io("cannot move into place", path: url.path)
            }
            return
        }
        if sr_exchange_paths(staging, url.path) == 0 {
            // The staging name now holds the previous report.
            try FileManager.default.removeItem(atPath: staging)
            return
        }
        // No RENAME_EXCHANGE on this file system: two renames, with the old folder kept under a name
        // that `removeLeftovers` restores if the process dies between them.
        let old = parentPath + "/.\(name).old-\(getpid())"
        guard rename(url.path, old) == 0 else { throw Failure.io("cannot move aside", path: url.path) }
        guard rename(staging, url.path) == 0 else {
            _ = rename(old, url.path)
            throw Failure.io("cannot move into place", path: url.path)
        }
        try FileManager.default.removeItem(atPath: old)
    }

    /// Cleans what a killed build left beside the folder: staging folders, and an old folder that a
    /// death between two renames left without a successor (restored, not deleted). Only the exact
    /// names this type makes (`.NAME.staging-PID`, `.NAME.old-PID`) are touched; a symlink under such a
    /// name is removed as a link, never followed, and an old folder is deleted only when it holds a
    /// report this tool wrote.
    private func removeLeftovers() throws {
        let manager = FileManager.default
        let siblings = (try? manager.contentsOfDirectory(atPath: parentPath)) ?? []
        for sibling in siblings.sorted() {
            let isStaging = Self.isLeftover(sibling, of: name, kind: "staging")
            let isOld = Self.isLeftover(sibling, of: name, kind: "old")
            guard isStaging || isOld else { continue }
            let path = parentPath + "/" + sibling
            var status = stat()
            guard lstat(path, &status) == 0 else { continue }
            guard status.st_mode & S_IFMT == S_IFDIR else {
                if status.st_mode & S_IFMT == S_IFLNK { unlink(path) }
                continue
            }
            if isStaging {
                try? manager.removeItem(atPath: path)
            } else if !manager.fileExists(atPath: url.path) {
                _ = rename(path, url.path)
            } else if (try? OutputFolder(URL(fileURLWithPath: path)).current()) != nil {
                try? manager.removeItem(atPath: path)
            }
        }
    }

    /// Whether `sibling` is exactly `.NAME.KIND-DIGITS`.
    static func isLeftover(_ sibling: String, of name: String, kind: String) -> Bool {
        let prefix = ".\(name).\(kind)-"
        guard sibling.hasPrefix(prefix) else { return false }
        let digits = sibling.utf8.dropFirst(prefix.utf8.count)
        return !digits.isEmpty && digits.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
