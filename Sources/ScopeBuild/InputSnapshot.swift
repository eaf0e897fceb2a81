import Foundation
import ScopeDiagnostics
import ScopePublish
import ScopeSystem

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
    /// Templates (relative names) that are symlinks to something that is not a regular file inside
    /// the templates folder: the build refuses them rather than render without them.
    private(set) var templatesOutside: [String] = []

    static func take(data: URL, templates: URL) -> InputSnapshot {
        var snapshot = InputSnapshot()
        for name in regularFiles(in: data.path, under: "").sorted() {
            guard let digest = SHA256.hex(ofFileAt: data.path + "/" + name) else { continue }
            snapshot.hashes["data/\(name)"] = digest
            snapshot.dataKeys.append("data/\(name)")
        }
        let templatesRoot = LocalFiles.resolved(templates.path)
        for name in regularFiles(in: templates.path, under: "", withLinks: true).sorted() {
            let resolved = LocalFiles.resolved(templates.path + "/" + name)
            guard resolved.hasPrefix(templatesRoot + "/"),
                let status = LocalFiles.status(resolved), status.st_mode & S_IFMT == S_IFREG
            else {
                snapshot.templatesOutside.append(name)
                continue
            }
            guard let bytes = LocalFiles.contents(resolved) else { continue }
            snapshot.hashes["templates/\(name)"] = SHA256.hex(bytes)
            snapshot.templates[name] = String(decoding: bytes, as: UTF8.self)
        }
        return snapshot
    }

    /// Paths (relative, `/`-separated) of the regular files below `root/relative`, hidden ones and
    /// those in hidden folders excepted, and `withLinks`, of the symlinks too. Symlinks are not
    /// followed here: a link could lead out of the folder, and the caller decides.
    private static func regularFiles(
        in root: String, under relative: String, withLinks: Bool = false
    )
        -> [String]
    {
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
            case S_IFDIR: found += regularFiles(in: root, under: path, withLinks: withLinks)
            case S_IFREG: found.append(path)
            case S_IFLNK where withLinks: found.append(path)
            default: continue
            }
        }
        return found
    }
}
