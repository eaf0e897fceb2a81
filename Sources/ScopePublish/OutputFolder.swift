import CSystem
import Foundation
import ScopeDiagnostics

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a report folder so that readers only ever see the old folder or the new one, whole: the
/// files go into a staging folder beside the target, which is then swapped in with one `renameat2`
/// exchange (or `rename(2)` when there was no old folder). A build that fails or is killed before
/// the swap leaves the previous report byte for byte as it was.
///
/// Foundation's `FileManager.replaceItemAt` is not used: on this toolchain it loses data.
public struct OutputFolder: Sendable {
    public let url: URL
    // Derived once: a no-op rebuild asked for them often enough for Foundation's URL arithmetic to show.
    let parentPath: String
    let name: String

    public init(_ url: URL) {
        self.url = url.standardizedFileURL
        // By the text of the path: URL's own arithmetic cost more than a no-op rebuild's checks.
        let path = self.url.path
        let slash = path.lastIndex(of: "/") ?? path.startIndex
        parentPath = slash == path.startIndex ? "/" : String(path[..<slash])
        name = String(path[path.index(after: slash)...])
    }

    private var parent: URL { URL(fileURLWithPath: parentPath, isDirectory: true) }

    private var lockPath: String { parentPath + "/.\(name).lock" }

    public enum Failure: Error, CustomStringConvertible {
        case notAReportFolder(String)
        case io(String, path: String)

        public var description: String {
            switch self {
            case .notAReportFolder(let path):
                "refusing to replace \(path): it is not empty and holds no manifest.json, so it is not a "
                    + "ScopeReport output folder; choose another --out"
            case .io(let what, let path): "\(what): \(path)"
            }
        }
    }

    /// The files of the current report, if there is one (path → bytes).
    public func readFile(_ relative: String) -> [UInt8]? {
        LocalFiles.contents(url.path + "/" + relative)
    }

    /// Holds an exclusive lock beside the folder while `body` runs, so two builds into the same folder
    /// take turns instead of interleaving their swaps.
    public func withLock<T>(_ body: () throws -> T) throws -> T {
        if !LocalFiles.isFolder(parentPath) {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        }
        let descriptor = open(lockPath, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure.io("cannot create the lock file", path: lockPath) }
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
        let manager = FileManager.default
        try removeLeftovers()
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: url.path, isDirectory: &isDirectory)
        if exists {
            let contents = (try? manager.contentsOfDirectory(atPath: url.path)) ?? []
            guard isDirectory.boolValue, contents.isEmpty || contents.contains("manifest.json") else {
                throw Failure.notAReportFolder(url.path)
            }
        }
        let staging = parent.appendingPathComponent(".\(name).staging-\(getpid())")
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        return StagedReport(folder: self, staging: staging, replacesExisting: exists)
    }

    /// The new report being written into a staging folder beside the old one, which readers still see.
    public final class StagedReport {
        private let folder: OutputFolder
        private let staging: URL
        private let stagingPath: String
        private let replacesExisting: Bool
        private var folders: Set<String>

        fileprivate init(folder: OutputFolder, staging: URL, replacesExisting: Bool) {
            self.folder = folder
            self.staging = staging
            stagingPath = staging.path
            self.replacesExisting = replacesExisting
            folders = [stagingPath]
        }

        /// `path` is relative, `/`-separated (`figures/x.svg`). Paths are joined as strings: a URL per
        /// file cost more than writing the small ones.
        public func write(_ path: String, _ bytes: [UInt8]) throws {
            try makeParentFolder(of: path)
            try OutputFolder.writeFile(bytes, to: stagingPath + "/" + path)
        }

        private func makeParentFolder(of path: String) throws {
            guard let slash = path.lastIndex(of: "/") else { return }
            let parent = stagingPath + "/" + path[..<slash]
            if folders.insert(parent).inserted {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            }
        }

        /// Gives the new report the current report's file at `path` when it holds exactly `bytes`: a
        /// hard link, so no bytes are written and no inode is made (on ext4 without a journal, making
        /// inodes soon after deleting others is what a rebuild spent most of its time on). The file is
        /// never written through either name, and the old folder is deleted after the swap, so each
        /// report still reads as it was built. False when the file differs or cannot be linked (another
        /// file system, no hard links): then `write` it.
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
                try folder.swapIn(staging, replacingExisting: replacesExisting)
            } catch {
                discard()
                throw error
            }
        }

        /// Removes what was written; the previous report stays as it was.
        public func discard() {
            try? FileManager.default.removeItem(at: staging)
        }
    }

    /// Writes a new file straight from the bytes (no `Data` copy, no per-file temporary file: the
    /// staging folder as a whole is what is swapped in atomically). Mode 0666 less the umask, as
    /// `FileManager.createFile` gives.
    fileprivate static func writeFile(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw Failure.io("cannot write", path: path) }
        defer { close(descriptor) }
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { throw Failure.io("cannot write", path: path) }
                offset += written
            }
        }
    }

    fileprivate func swapIn(_ staging: URL, replacingExisting exists: Bool) throws {
        if !exists {
            guard rename(staging.path, url.path) == 0 else {
                throw Failure.io("cannot move into place", path: url.path)
            }
            return
        }
        if sr_exchange_paths(staging.path, url.path) == 0 {
            // The staging name now holds the previous report.
            try FileManager.default.removeItem(at: staging)
            return
        }
        // No RENAME_EXCHANGE on this file system: two renames, with the old folder kept under a name
        // that `removeLeftovers` restores if the process dies between them.
        let old = parent.appendingPathComponent(".\(name).old-\(getpid())")
        guard rename(url.path, old.path) == 0 else { throw Failure.io("cannot move aside", path: url.path) }
        guard rename(staging.path, url.path) == 0 else {
            _ = rename(old.path, url.path)
            throw Failure.io("cannot move into place", path: url.path)
        }
        try FileManager.default.removeItem(at: old)
    }

    /// Cleans what a killed build left beside the folder: staging folders, and an old folder that a
    /// death between two renames left without a successor (restored, not deleted).
    private func removeLeftovers() throws {
        let manager = FileManager.default
        // The names are made once: the folder beside the report may hold hundreds of entries.
        let (old, staging) = (".\(name).old-", ".\(name).staging-")
        let siblings = (try? manager.contentsOfDirectory(atPath: parentPath)) ?? []
        for sibling in siblings.filter({ $0.hasPrefix(old) }).sorted() {
            let path = parentPath + "/" + sibling
            if !manager.fileExists(atPath: url.path) {
                _ = rename(path, url.path)
            } else {
                try? manager.removeItem(atPath: path)
            }
        }
        for sibling in siblings where sibling.hasPrefix(staging) {
            try? manager.removeItem(atPath: parentPath + "/" + sibling)
        }
    }
}
