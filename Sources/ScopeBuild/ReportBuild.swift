import Foundation
import ScopeDiagnostics
import ScopeLoad
import ScopePublish
import ScopeRender
import ScopeSynthesis
import ScopeSystem

/// The build as named steps (load → synthesize → render → publish), each failure carrying its step.
public struct ReportBuild: Sendable {
    public let folders: BuildFolders
    public let version: String
    /// Rebuild even when no input changed.
    public var force: Bool
    /// Claims that no longer hold fail the build. Always rebuilds: the last build may not have been strict.
    public var strict: Bool

    public init(folders: BuildFolders, version: String, force: Bool = false, strict: Bool = false) {
        self.folders = folders
        self.version = version
        self.force = force
        self.strict = strict
    }

    public func run() throws -> BuildOutcome {
        let output = OutputFolder(folders.outURL)
        // Asked before the lock is made, so that a refused --out gets nothing beside it; asked again
        // under the lock, where another build may have swapped a new report in meanwhile.
        _ = try output.current()
        return try output.withLock {
            let current = try output.current()
            let snapshot = InputSnapshot.take(data: folders.dataURL, templates: folders.templatesURL)
            if !force, !strict, let current, current.manifest.version == version,
                snapshot.templatesOutside.isEmpty
            {
                if current.manifest.inputs == snapshot.hashes,
                    output.holds(current.manifest.outputs, given: current)
                {
                    return BuildOutcome(
                        studies: nil, figures: 0, tables: 0, changedFiles: 0, warnings: [], upToDate: true)
                }
            }
            // The files go to the staging folder as they are made; it is created at the first one,
            // once the render has succeeded, and thrown away if anything fails after.
            var staged: OutputFolder.StagedReport?
            var outcome: BuildOutcome
            var written: Set<String> = []
            var changed = 0
            do {
                outcome = try produce(snapshot) { path, bytes, digest in
                    if staged == nil { staged = try output.stage() }
                    written.insert(path)
                    // A file the current report holds with these very bytes is linked, not written.
                    if let digest, current?.manifest.outputs[path] == digest,
                        staged!.reuse(path, of: output, ifItHolds: bytes)
                    {
                        return
                    }
                    try staged!.write(path, bytes)
                    if path != "manifest.json" { changed += 1 }
                }
                try staged!.commit()
            } catch {
                staged?.discard()
                throw error
            }
            // What the folder held and the new report does not have was deleted with it.
            outcome.changedFiles = changed + (current?.files ?? []).subtracting(written).count
            return outcome
        }
    }

    /// `build --check`: the paths whose committed bytes differ from what a build would write now
    /// (missing, changed, or no longer produced). Writes nothing.
    public func staleFiles() throws -> (stale: [String], outcome: BuildOutcome) {
        let output = OutputFolder(folders.outURL)
        var stale: [String] = []
        var produced: Set<String> = []
        let snapshot = InputSnapshot.take(data: folders.dataURL, templates: folders.templatesURL)
        let outcome = try produce(snapshot) { path, bytes, _ in
            produced.insert(path)
            if output.readFile(path) != bytes { stale.append(path) }
        }
        let manager = FileManager.default
        let existing = (try? manager.subpathsOfDirectory(atPath: folders.outURL.path)) ?? []
        for path in existing where !produced.contains(path) {
            var isDirectory: ObjCBool = false
            _ = manager.fileExists(
                atPath: folders.outURL.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { stale.append(path) }
        }
        return (stale.sorted(), outcome)
    }

    /// Runs load → synthesize → render → publish, handing each file of the report folder to `emit` as
    /// soon as it is made, with its SHA-256 (manifest.json last, without), so that a large review's
    /// report (hundreds of MB) is never whole in memory.
    private func produce(
        _ snapshot: InputSnapshot, emit: (_ path: String, _ bytes: [UInt8], _ digest: String?) throws -> Void
    ) throws -> BuildOutcome {
        let (rendered, outcome, title, dataFingerprint) = try render(snapshot)
        // publish
        let page = HTMLPage(
            template: snapshot.templates["page.html"] ?? "", style: snapshot.templates["style.css"] ?? "")
        let date = Self.sourceDate()
        let footer =
            "Built by scopereport \(version)" + (date.isEmpty ? "" : " on \(date)")
            + " · data SHA-256 \(dataFingerprint)"
        let html: [UInt8]
        do {
            try page.check()
            html = try page.renderUTF8(
                title: title, markdown: rendered.markdown,
                figures: Dictionary(uniqueKeysWithValues: rendered.figures.map { ($0.name, $0.svg) }),
                footer: footer)
        } catch {
            throw BuildFailure(
                step: "publish",
                diagnostics: [.error("\(error)", at: SourceLocation(file: "\(folders.templates)/page.html"))],
                exitCode: BuildExit.invalidData)
        }
        var outputs: [String: String] = [:]
        try rendered.forEachFile { path, bytes in
            let digest = SHA256.hex(bytes)
            outputs[path] = digest
            try emit(path, bytes, digest)
        }
        let digest = SHA256.hex(html)
        outputs["index.html"] = digest
        try emit("index.html", html, digest)
        try emit(
            "manifest.json", Manifest(version: version, inputs: snapshot.hashes, outputs: outputs).encoded(),
            nil)
        return outcome
    }

    /// load → synthesize → render.
    private func render(
        _ snapshot: InputSnapshot
    ) throws -> (rendered: RenderedReport, outcome: BuildOutcome, title: String, dataFingerprint: String) {
        // load
        let loader = ReviewLoader(dataDirectory: folders.dataURL, displayDirectory: folders.data)
        let review: Review
        switch loader.load() {
        case .success(let loaded): review = loaded
        case .failure(.missingInput(let diagnostics)):
            throw BuildFailure(step: "load", diagnostics: diagnostics, exitCode: BuildExit.missingInput)
        case .failure(.invalid(let diagnostics)):
            throw BuildFailure(step: "load", diagnostics: diagnostics, exitCode: BuildExit.invalidData)
        }
        // synthesize
        let results = Synthesis.run(
            review, configPath: loader.displayPath(ReviewLoader.configFileName), strict: strict)
        if results.diagnostics.hasErrors {
            throw BuildFailure(
                step: "synthesize", diagnostics: (review.warnings + results.diagnostics).sortedByLocation(),
                exitCode: BuildExit.invalidData)
        }
        // render
        guard !snapshot.templates.isEmpty else {
            throw BuildFailure(
                step: "render",
                diagnostics: [
                    .error(
                        "the templates folder is missing or empty",
                        at: SourceLocation(file: folders.templates))
                ],
                exitCode: BuildExit.missingInput)
        }
        guard snapshot.templatesOutside.isEmpty else {
            throw BuildFailure(
                step: "render",
                diagnostics: snapshot.templatesOutside.map {
                    .error(
                        "this file is a symbolic link to something outside the templates folder or not a "
                            + "regular file; refusing to read it",
                        at: SourceLocation(file: "\(folders.templates)/\($0)"))
                },
                exitCode: BuildExit.invalidData)
        }
        let dataFingerprint = SHA256.hex(
            Array(snapshot.dataKeys.map { "\($0) \(snapshot.hashes[$0]!)\n" }.joined().utf8))
        let renderer = ReportRenderer(
            review: review, results: results,
            templates: TemplateRenderer(templates: snapshot.templates, displayDirectory: folders.templates),
            build: .init(version: version, date: Self.sourceDate(), dataFingerprint: dataFingerprint))
        let rendered: RenderedReport
        switch renderer.render() {
        case .success(let report): rendered = report
        case .failure(let error):
            throw BuildFailure(
                step: "render", diagnostics: error.diagnostics, exitCode: BuildExit.invalidData)
        }
        let outcome = BuildOutcome(
            studies: review.studyCount, figures: rendered.figures.count, tables: rendered.tables.count,
            changedFiles: 0, warnings: (review.warnings + results.diagnostics).sortedByLocation(),
            upToDate: false)
        return (rendered, outcome, review.config.metadata.title, dataFingerprint)
    }

    /// SOURCE_DATE_EPOCH as a UTC date, the only date a report may show (reproducible builds).
    static func sourceDate() -> String {
        guard let text = getenv("SOURCE_DATE_EPOCH").map({ String(cString: $0) }), let seconds = Int64(text)
        else {
            return ""
        }
        var days = seconds / 86_400
        if seconds < 0, seconds % 86_400 != 0 { days -= 1 }
        return CivilDate.iso(daysSince1970: Int(days))
    }
}

public struct BuildOutcome: Sendable {
    /// Nil when the build was a no-op.
    public var studies: Int?
    public var figures: Int
    public var tables: Int
    public var changedFiles: Int
    public var warnings: [Diagnostic]
    public var upToDate: Bool

    public func summary(out: String, milliseconds: Int) -> String {
        if upToDate { return "\(out)/ is up to date (no input changed) in \(milliseconds) ms" }
        return
            "built \(out)/ from \(Wording.count(studies ?? 0, "study")): \(Wording.count(figures, "figure")), "
            + "\(Wording.count(tables, "table")) (\(Wording.count(changedFiles, "file")) changed) in \(milliseconds) ms"
            + (warnings.warnings.isEmpty ? "" : ", \(Wording.count(warnings.warnings.count, "warning"))")
    }
}

/// A step of the build failed on its inputs; the previous report is as it was.
public struct BuildFailure: Error, Sendable {
    public var step: String
    public var diagnostics: [Diagnostic]
    public var exit: BuildExit

    init(step: String, diagnostics: [Diagnostic], exitCode: BuildExit) {
        self.step = step
        self.diagnostics = diagnostics
        self.exit = exitCode
    }

    public var summary: String {
        let errors = diagnostics.errors.count
        return "\(step) failed with \(Wording.count(errors, "error")); the previous report was left as it was"
    }
}

/// What a build says on the terminal, the same for `build` and `serve`.
public enum BuildMessages {
    /// Its warnings, then the one-line summary.
    public static func lines(
        for outcome: BuildOutcome, out: String, startedAt started: DispatchTime
    ) -> [String] {
        let milliseconds = (DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000
        return outcome.warnings.map(\.description) + [
            outcome.summary(out: out, milliseconds: Int(milliseconds))
        ]
    }

    /// Every problem of a failed build, then what was (not) written, and the exit status that says why.
    public static func lines(for error: any Error, out: String) -> (lines: [String], exit: BuildExit) {
        switch error {
        case let failure as BuildFailure:
            return (failure.diagnostics.map(\.description) + [failure.summary], failure.exit)
        case let failure as OutputFolder.Failure:
            let diagnostic = Diagnostic.error("\(failure)", at: SourceLocation(file: out))
            return ([diagnostic.description, "publish failed; nothing was written"], .cannotWriteOutput)
        default:
            return (["error: internal error: \(error)"], .internalError)
        }
    }
}

/// sysexits(3) codes, so CI can tell bad data from a missing file from a bug.
public enum BuildExit: Int32, Sendable {
    case invalidData = 65
    case missingInput = 66
    case internalError = 70
    /// The output folder is not the tool's to replace (it holds other files) or cannot be written.
    case cannotWriteOutput = 73
}

/// The folders of a build, as the user named them (for messages) and as paths.
public struct BuildFolders: Sendable {
    public var data: String
    public var templates: String
    public var out: String

    public init(data: String, templates: String, out: String) {
        self.data = data
        self.templates = templates
        self.out = out
    }

    public var dataURL: URL { Self.folderURL(data) }
    public var templatesURL: URL { Self.folderURL(templates) }
    public var outURL: URL { Self.folderURL(out) }

    private static func folderURL(_ path: String) -> URL {
        URL(fileURLWithPath: LocalFiles.standardized(path), isDirectory: true)
    }
}
