import Foundation

/// What the preview watches: every file below the data and templates folders, by path, size,
/// modification time and inode. An editor that saves in place changes the size or the time; one
/// that saves by writing a new file and renaming it over the old changes the inode.
struct InputSignature: Equatable {
    private var files: [String: String] = [:]

    init(folders: [String]) {
        let manager = FileManager.default
        for folder in folders {
            for path in (try? manager.subpathsOfDirectory(atPath: folder)) ?? [] {
                guard let attributes = try? manager.attributesOfItem(atPath: folder + "/" + path) else {
                    continue
                }
                let size = attributes[.size] as? Int ?? -1
                let time = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                let inode = attributes[.systemFileNumber] as? Int ?? -1
                files[folder + "/" + path] = "\(size) \(time) \(inode)"
            }
        }
    }
}
