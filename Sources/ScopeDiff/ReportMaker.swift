import Foundation

/// Turns each side of a diff into a report folder: a report folder is used as it is; a data folder,
/// or the data at a git revision, is built into the workspace by running `scopereport build`
/// (the same executable), so the diff never depends on the pipeline's modules.
public struct ReportMaker: Sendable {
    let executable: URL
    let workspace: DiffWorkspace
    let directory: URL

    /// - Parameters:
    ///   - executable: the `scopereport` binary that builds data folders.
    ///   - directory: the folder relative paths start from (the current folder).
    public init(executable: URL, workspace: DiffWorkspace, directory: URL) {
        self.executable = executable
        self.workspace = workspace
        self.directory = directory
    }

    /// OLD or NEW as given: a report folder (has manifest.json) or a data folder (has review.yaml).
    /// A data folder is built with `templates`, or else with the `templates` folder beside it, or
    /// else with `templates` in the current folder.
    public func report(for path: String, templates: String?, name: String) throws -> URL {
        let folder = URL(fileURLWithPath: path, relativeTo: directory).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else { throw DiffTrouble("\(path): no such folder") }
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("manifest.json").path) {
            return folder
        }
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("review.yaml").path) else {
            throw DiffTrouble(
                "\(path): neither a report folder (no manifest.json) nor a data folder (no review.yaml)")
        }
        return try build(
            data: path, templates: templates ?? defaultTemplates(besides: folder), in: directory, name: name)
    }

    private func defaultTemplates(besides data: URL) -> String {
        let sibling = data.deletingLastPathComponent().appendingPathComponent("templates")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: sibling.path, isDirectory: &isDirectory),
            isDirectory.boolValue
        {
            return sibling.path
        }
        return "templates"
    }

    /// The data and templates folders as they are at `revision`, read with `git archive` (which reads
    /// the object store only: the work tree and the index stay untouched), then built.
    public func report(
        atRevision revision: String, data: String, templates: String, name: String
    ) throws -> URL {
        let top = try git(
            ["rev-parse", "--show-toplevel"], in: directory, failure: "not inside a git repository"
        )
        .trimmingCharacters(in: .newlines)
        let commit = try git(
            ["rev-parse", "--verify", "--quiet", "--end-of-options", "\(revision)^{commit}"], in: directory,
            failure: "unknown revision '\(revision)'"
        ).trimmingCharacters(in: .newlines)
        let paths = try [data, templates].map { try repositoryPath($0, top: top) }
        let archive = workspace.path("\(name).tar")
        let tree = workspace.path("\(name)-tree")
        _ = try git(
            ["archive", "--format=tar", "-o", archive.path, commit, "--"] + paths,
            in: URL(fileURLWithPath: top),
            failure: "cannot read \(paths.joined(separator: " and ")) at revision '\(revision)'")
        try FileManager.default.createDirectory(at: tree, withIntermediateDirectories: true)
        let unpacked = try Subprocess.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["tar", "-x", "-f", archive.path, "-C", tree.path],
            in: directory,
            scratch: workspace.folder)
        guard unpacked.status == 0 else {
            throw DiffTrouble(
                "cannot unpack revision '\(revision)': \(unpacked.stderr.trimmingCharacters(in: .newlines))")
        }
        // Built from inside the unpacked tree, so diagnostics name `review-data/studies.csv`, not a temporary path.
        return try build(data: paths[0], templates: paths[1], in: tree, name: name)
    }

    /// `path` (relative to the current folder) as a path inside the repository whose root is `top`.
    private func repositoryPath(_ path: String, top: String) throws -> String {
        let absolute = URL(fileURLWithPath: path, relativeTo: directory).standardizedFileURL
        let resolved = absolute.resolvingSymlinksInPath().path
        let root = URL(fileURLWithPath: top).resolvingSymlinksInPath().path
        for candidate in [resolved, absolute.path] {
            if candidate == root { return "." }
            if candidate.hasPrefix(root + "/") { return String(candidate.dropFirst(root.count + 1)) }
        }
        throw DiffTrouble("\(path) is outside the git repository \(top)")
    }

    private func git(_ arguments: [String], in folder: URL, failure: String) throws -> String {
        let run = try Subprocess.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["git"] + arguments, in: folder, scratch: workspace.folder)
        guard run.status == 0 else {
            let detail = run.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            throw DiffTrouble(detail.isEmpty ? failure : "\(failure) (git: \(detail))")
        }
        return run.stdout
    }

    private func build(data: String, templates: String, in folder: URL, name: String) throws -> URL {
        let out = workspace.path(name)
        let run = try Subprocess.run(
            executable, ["build", "--data", data, "--templates", templates, "--out", out.path, "--quiet"],
            in: folder,
            scratch: workspace.folder)
        guard run.status == 0 else {
            throw DiffTrouble(
                "building a report from \(data) failed (scopereport build exited \(run.status))",
                output: run.stderr.trimmingCharacters(in: .newlines))
        }
        return out
    }
}
