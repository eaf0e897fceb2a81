import Foundation

/// A temporary folder for the reports a diff builds. The caller removes it (`defer { workspace.remove() }`):
/// a deinit could run as soon as the workspace is last used, before the reports in it are read.
public struct DiffWorkspace: Sendable {
    public let folder: URL

    public init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "scopereport-diff-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw DiffTrouble(
                "cannot create a temporary folder at \(folder.path): \(error.localizedDescription)")
        }
    }

    public func remove() { try? FileManager.default.removeItem(at: folder) }

    /// A path (not created) in the workspace for one report or one revision's files.
    func path(_ name: String) -> URL { folder.appendingPathComponent(name) }
}
