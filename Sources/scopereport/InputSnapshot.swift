import Foundation
import ScopePublish

/// The bytes of every file that can change the report: each regular file in the data folder and the
/// templates folder (hidden files excepted). Hashing them before any work lets an unchanged rebuild
/// stop at once, and the manifest records them under stable, folder-independent names
/// (`data/studies.csv`, `templates/report.md`).
struct InputSnapshot {
    var files: [(key: String, bytes: [UInt8])] = []

    var hashes: [String: String] {
        Dictionary(uniqueKeysWithValues: files.map { ($0.key, SHA256.hex($0.bytes)) })
    }

    static func take(data: URL, templates: URL) -> InputSnapshot {
        var snapshot = InputSnapshot()
        snapshot.add(folder: data, as: "data")
        snapshot.add(folder: templates, as: "templates")
        snapshot.files.sort { $0.key < $1.key }
        return snapshot
    }

    /// Reads `folder` recursively. Symlinks are not followed: a link could lead out of the folder.
    private mutating func add(folder: URL, as prefix: String) {
        let manager = FileManager.default
        guard let names = try? manager.subpathsOfDirectory(atPath: folder.path) else { return }
        for name in names.sorted() {
            if name.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            let path = folder.appendingPathComponent(name).path
            guard let attributes = try? manager.attributesOfItem(atPath: path),
                attributes[.type] as? FileAttributeType == .typeRegular,
                let data = manager.contents(atPath: path)
            else { continue }
            files.append(("\(prefix)/\(name)", [UInt8](data)))
        }
    }
}
