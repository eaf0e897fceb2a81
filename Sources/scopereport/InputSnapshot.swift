import Foundation
import ScopeDiagnostics
import ScopePublish

/// The hash of every file that can change the report: each regular file in the data folder and the
/// templates folder (hidden files excepted), and the templates' text. Hashing them before any work
/// lets an unchanged rebuild stop at once, and the manifest records them under stable,
/// folder-independent names (`data/studies.csv`, `templates/report.md`).
struct InputSnapshot {
    /// Key → SHA-256 of every file. The data folder's files are hashed a piece at a time and not kept
    /// (a 100,000-study sheet is about 100 MB, and a stray export of gigabytes must not be read whole
    /// before the loader's size limit refuses it); the loader reads the files it needs itself.
    private(set) var hashes: [String: String] = [:]
    /// The templates folder's files (key without `templates/` → text), which the render needs.
    private(set) var templates: [String: String] = [:]
    /// The data folder's keys (`data/studies.csv`), in order.
    private(set) var dataKeys: [String] = []

    static func take(data: URL, templates: URL) -> InputSnapshot {
        var snapshot = InputSnapshot()
        for name in regularFiles(in: data.path, under: "").sorted() {
            guard let digest = SHA256.hex(ofFileAt: data.path + "/" + name) else { continue }
            snapshot.hashes["data/\(name)"] = digest
            snapshot.dataKeys.append("data/\(name)")
        }
        for name in regularFiles(in: templates.path, under: "").sorted() {
            guard let bytes = LocalFiles.contents(templates.path + "/" + name) else { continue }
            snapshot.hashes["templates/\(name)"] = SHA256.hex(bytes)
            snapshot.templates[name] = String(decoding: bytes, as: UTF8.self)
        }
        return snapshot
    }

    /// Paths (relative, `/`-separated) of the regular files below `root/relative`, hidden ones and
    /// those in hidden folders excepted. Symlinks are not followed: a link could lead out of the
    /// folder. Plain `lstat`/`read` calls: FileManager's attributes look up the owner's name in the
    /// user database, which cost more than the whole no-op rebuild may.
    private static func regularFiles(in root: String, under relative: String) -> [String] {
        guard let directory = opendir(relative.isEmpty ? root : root + "/" + relative) else { return [] }
        defer { closedir(directory) }
        var found: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(cString: $0.bindMemory(to: CChar.self).baseAddress!)
            }
            if name.hasPrefix(".") { continue }
            let path = relative.isEmpty ? name : relative + "/" + name
            var status = stat()
            guard lstat(root + "/" + path, &status) == 0 else { continue }
            switch status.st_mode & S_IFMT {
            case S_IFDIR: found += regularFiles(in: root, under: path)
            case S_IFREG: found.append(path)
            default: continue
            }
        }
        return found
    }
}
