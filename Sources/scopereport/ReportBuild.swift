import ArgumentParser
import Foundation
import ScopeDiagnostics
import ScopeLoad
import ScopePublish
import ScopeRender
import ScopeSynthesis

/// The build as named steps (load → synthesize → render → publish), each failure carrying its step.
struct ReportBuild {
    let folders: ScopeReport.Folders
    let version: String
    var force = false
    /// Claims that no longer hold fail the build. Always rebuilds: the last build may not have been strict.
    var strict = false

    func run() throws -> BuildOutcome {
        let output = OutputFolder(folders.outURL)
        return try output.withLock {
            let previous = output.readFile("manifest.json").flatMap(Manifest.decode)
            // Only a rebuild that may be a no-op needs the inputs' hashes before it starts; a full build
            // takes them on the other core while the data loads.
            var snapshot: InputSnapshot?
            if !force, !strict, let previous, previous.version == version {
                let taken = InputSnapshot.take(data: folders.dataURL, templates: folders.templatesURL)
                if previous.inputs == taken.hashes, isIntact(output, previous) {
                    return BuildOutcome(
                        studies: nil, figures: 0, tables: 0, changedFiles: 0, warnings: [], upToDate: true)
                }
                snapshot = taken
            }
            // The files go to the staging folder as they are made; it is created at the first one,
            // once the render has succeeded, and thrown away if anything fails after.
            var staged: OutputFolder.StagedReport?
            let outcome: BuildOutcome
            let after: [String: String]
            do {
                (outcome, after) = try produce(snapshot: snapshot) { path, bytes, digest in
                    if staged == nil { staged = try output.stage() }
                    // A file the last build made with these very bytes is linked, not written again.
                    if let digest, previous?.outputs[path] == digest,
                        staged!.reuse(path, of: output, ifItHolds: bytes)
                    {
                        return
                    }
                    try staged!.write(path, bytes)
                }
                try staged!.commit()
            } catch {
                staged?.discard()
                throw error
            }
            var published = outcome
            let before = previous?.outputs ?? [:]
            published.changedFiles =
                Set(after.keys).union(before.keys).filter {
                    $0 != "manifest.json" && after[$0] != before[$0]
                }.count
            return published
        }
    }

    /// `build --check`: the paths whose committed bytes differ from what a build would write now
    /// (missing, changed, or no longer produced). Writes nothing.
    func staleFiles() throws -> (stale: [String], outcome: BuildOutcome) {
        let output = OutputFolder(folders.outURL)
        var stale: [String] = []
        var produced: Set<String> = []
        let (outcome, _) = try produce(snapshot: nil) { path, bytes, _ in
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

    /// Every output the manifest lists is still there with its hash (nobody edited the report by hand).
    private func isIntact(_ output: OutputFolder, _ manifest: Manifest) -> Bool {
        output.holds(manifest.outputs)
    }

    /// Runs load → synthesize → render → publish, handing each file of the report folder to `emit` as
    /// soon as it is made, with its SHA-256 (manifest.json last, without), so that a large review's
    /// report (hundreds of MB) is never whole in memory. Returns the outcome and the SHA-256 of each
    /// file but the manifest. Without a `snapshot`, one is taken meanwhile.
    private func produce(
        snapshot: InputSnapshot?, emit: (_ path: String, _ bytes: [UInt8], _ digest: String?) throws -> Void
    ) throws
        -> (outcome: BuildOutcome, hashes: [String: String])
    {
        let (rendered, outcome, title, dataFingerprint, snapshot) = try render(snapshot: snapshot)
        // publish: the page (cmark, figures inlined) on the other core, which then helps make the other
        // files while they are written out here (FilesFromBothEnds).
        let page = HTMLPage(
            template: snapshot.templates["page.html"] ?? "", style: snapshot.templates["style.css"] ?? "")
        do {
            try page.check()
        } catch {
            throw BuildFailure(
                step: "publish",
                diagnostics: [.error("\(error)", at: SourceLocation(file: "\(folders.templates)/page.html"))],
                exitCode: ExitStatus.invalidData)
        }
        let date = Self.sourceDate()
        let footer =
            "Built by scopereport \(version)" + (date.isEmpty ? "" : " on \(date)")
            + " · data SHA-256 \(dataFingerprint)"
        let markdown = rendered.markdown
        let figures = Dictionary(uniqueKeysWithValues: rendered.figures.map { ($0.name, $0.svg) })
        let files = FilesFromBothEnds((consume rendered).pendingFiles())
        let pageWork = BackgroundWork { () -> Result<(html: [UInt8], hash: String), Error> in
            let page = Result { () throws -> (html: [UInt8], hash: String) in
                let html = try page.renderUTF8(
                    title: title, markdown: markdown, figures: figures, footer: footer)
                return (html, SHA256.hex(html))
            }
            files.helpFromTheBack()
            return page
        }
        var outputs: [String: String] = [:]
        for (index, path) in files.paths.enumerated() {
            let (bytes, digest) = files.take(index)
            outputs[path] = digest
            try emit(path, bytes, digest)
        }
        switch pageWork.value {
        case .success(let page):
            outputs["index.html"] = page.hash
            try emit("index.html", page.html, page.hash)
        case .failure(let error):
            throw BuildFailure(
                step: "publish",
                diagnostics: [.error("\(error)", at: SourceLocation(file: "\(folders.templates)/page.html"))],
                exitCode: ExitStatus.invalidData)
        }
        try emit(
            "manifest.json", Manifest(version: version, inputs: snapshot.hashes, outputs: outputs).encoded(),
            nil)
        return (outcome, outputs)
    }

    /// load → synthesize → render. The review (hundreds of MB for 100,000 studies) is not needed past
    /// here.
    private func render(
        snapshot taken: InputSnapshot?
    ) throws -> (
        rendered: RenderedReport, outcome: BuildOutcome, title: String, dataFingerprint: String,
        snapshot: InputSnapshot
    ) {
        // The inputs' hashes and the templates' parse come from the other core meanwhile: they need
        // nothing from the data.
        let (dataURL, templatesURL, templatesDirectory) = (
            folders.dataURL, folders.templatesURL, folders.templates
        )
        let prepared = BackgroundWork { () -> (snapshot: InputSnapshot, templates: TemplateRenderer) in
            let snapshot = taken ?? InputSnapshot.take(data: dataURL, templates: templatesURL)
            let templates = TemplateRenderer(
                templates: snapshot.templates, displayDirectory: templatesDirectory)
            return (snapshot, templates.parsingAhead(from: ReportRenderer.mainTemplate))
        }
        // load
        let loader = ReviewLoader(dataDirectory: folders.dataURL, displayDirectory: folders.data)
        let review: Review
        switch loader.load() {
        case .success(let loaded): review = loaded
        case .failure(.missingInput(let diagnostics)):
            throw BuildFailure(step: "load", diagnostics: diagnostics, exitCode: ExitStatus.missingInput)
        case .failure(.invalid(let diagnostics)):
            throw BuildFailure(step: "load", diagnostics: diagnostics, exitCode: ExitStatus.invalidData)
        }
        let reviewParts = ReportRenderer.startReviewParts(of: review)
        // The sheet's raw cells are gone; their pages go back to the system before the render.
        let inputBytes = review.inputs.reduce(0) { $0 + $1.size }
        FreedMemory.giveBack(afterReading: inputBytes)
        // synthesize
        let results = Synthesis.run(
            review, configPath: loader.displayPath(ReviewLoader.configFileName), strict: strict)
        if results.diagnostics.hasErrors {
            throw BuildFailure(
                step: "synthesize", diagnostics: (review.warnings + results.diagnostics).sortedByLocation(),
                exitCode: ExitStatus.invalidData)
        }
        // render
        let (snapshot, templates) = prepared.value
        guard !snapshot.templates.isEmpty else {
            throw BuildFailure(
                step: "render",
                diagnostics: [
                    .error(
                        "the templates folder is missing or empty",
                        at: SourceLocation(file: folders.templates))
                ],
                exitCode: ExitStatus.missingInput)
        }
        let dataFingerprint = SHA256.hex(
            Array(snapshot.dataKeys.map { "\($0) \(snapshot.hashes[$0]!)\n" }.joined().utf8))
        let renderer = ReportRenderer(
            review: review, results: results,
            templates: templates,
            build: .init(version: version, date: Self.sourceDate(), dataFingerprint: dataFingerprint),
            reviewParts: reviewParts)
        let rendered: RenderedReport
        switch renderer.render() {
        case .success(let report): rendered = report
        case .failure(let error):
            throw BuildFailure(
                step: "render", diagnostics: error.diagnostics, exitCode: ExitStatus.invalidData)
        }
        let outcome = BuildOutcome(
            studies: review.studyCount, figures: rendered.figures.count, tables: rendered.tables.count,
            changedFiles: 0, warnings: (review.warnings + results.diagnostics).sortedByLocation(),
            upToDate: false)
        if FreedMemory.isLarge(inputBytes) { FreedMemory.keepUntilExit((review, results)) }
        return (rendered, outcome, review.config.metadata.title, dataFingerprint, snapshot)
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

struct BuildOutcome {
    var studies: Int?
    var figures: Int
    var tables: Int
    var changedFiles: Int
    var warnings: [Diagnostic]
    var upToDate: Bool

    func summary(out: String, milliseconds: Int) -> String {
        if upToDate { return "\(out)/ is up to date (no input changed) in \(milliseconds) ms" }
        return
            "built \(out)/ from \(Console.count(studies ?? 0, "study")): \(Console.count(figures, "figure")), "
            + "\(Console.count(tables, "table")) (\(Console.count(changedFiles, "file")) changed) in \(milliseconds) ms"
            + (warnings.warnings.isEmpty ? "" : ", \(Console.count(warnings.warnings.count, "warning"))")
    }
}

struct BuildFailure: Error {
    var step: String
    var diagnostics: [Diagnostic]
    var exitCode: ExitCode

    var summary: String {
        let errors = diagnostics.errors.count
        return "\(step) failed with \(Console.count(errors, "error")); the previous report was left as it was"
    }
}

/// glibc keeps the memory a program frees for its next allocations, and threads allocate from their
/// own pools: the hundreds of MB of a large sheet's raw cells, freed after the load, would stay
/// resident through the render and publish. `malloc_trim` gives the free pages back to the system.
/// Swift's Glibc module does not declare it, so it is looked up at run time (absent elsewhere: no-op).
///
/// Only a large review's: a small one's few MB are worth more kept, for the render to reuse, and
/// trimming locks each thread's pool in turn: the other core, allocating meanwhile, waited on it
/// (and its core went idle and took milliseconds to wake).
enum FreedMemory {
    /// Inputs of this size (about 8,000 studies) and larger.
    static let fromInputBytes = 8 << 20

    private typealias Trim = @convention(c) (Int) -> Int32
    #if os(Linux)
        private static let trim: Trim? = dlsym(nil, "malloc_trim").map { unsafeBitCast($0, to: Trim.self) }
    #else
        private static let trim: Trim? = nil
    #endif

    static func isLarge(_ inputBytes: Int) -> Bool { inputBytes >= fromInputBytes }

    static func giveBack(afterReading inputBytes: Int) {
        if isLarge(inputBytes) { _ = trim?(0) }
    }

    /// Keeps `value` until the process exits instead of freeing it. A large review is millions of
    /// strings and arrays: freeing them one by one took a third of a second at 100,000 studies (a tenth
    /// of the build), where the kernel takes the pages back at exit in milliseconds, and the peak
    /// memory grew by 10 MB. (clang skips freeing its syntax tree at exit for the same reason.)
    static func keepUntilExit(_ value: some Sendable) {
        _ = Unmanaged.passRetained(Kept(value))
    }

    private final class Kept<Value: Sendable>: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
}
