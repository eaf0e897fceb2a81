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
        let snapshot = InputSnapshot.take(data: folders.dataURL, templates: folders.templatesURL)
        let inputs = snapshot.hashes
        let output = OutputFolder(folders.outURL)
        return try output.withLock {
            let previous = output.readFile("manifest.json").flatMap(Manifest.decode)
            if !force, !strict, let previous, previous.version == version, previous.inputs == inputs,
                isIntact(output, previous)
            {
                return BuildOutcome(studies: nil, figures: 0, tables: 0, changedFiles: 0, warnings: [], upToDate: true)
            }
            let (files, outcome) = try produce(snapshot: snapshot)
            try output.replace(with: files)
            var published = outcome
            let before = previous?.outputs ?? [:]
            let after = Dictionary(uniqueKeysWithValues: files.map { ($0.path, SHA256.hex($0.bytes)) })
            published.changedFiles = Set(after.keys).union(before.keys).filter {
                $0 != "manifest.json" && after[$0] != before[$0]
            }.count
            return published
        }
    }

    /// `build --check`: the paths whose committed bytes differ from what a build would write now
    /// (missing, changed, or no longer produced). Writes nothing.
    func staleFiles() throws -> (stale: [String], outcome: BuildOutcome) {
        let snapshot = InputSnapshot.take(data: folders.dataURL, templates: folders.templatesURL)
        let (files, outcome) = try produce(snapshot: snapshot)
        let output = OutputFolder(folders.outURL)
        var stale = files.filter { output.readFile($0.path) != $0.bytes }.map(\.path)
        let manager = FileManager.default
        let existing = (try? manager.subpathsOfDirectory(atPath: folders.outURL.path)) ?? []
        let produced = Set(files.map(\.path))
        for path in existing where !produced.contains(path) {
            var isDirectory: ObjCBool = false
            manager.fileExists(atPath: folders.outURL.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { stale.append(path) }
        }
        return (stale.sorted(), outcome)
    }

    /// Every output the manifest lists is still there with its hash (nobody edited the report by hand).
    private func isIntact(_ output: OutputFolder, _ manifest: Manifest) -> Bool {
        manifest.outputs.allSatisfy { path, hash in output.readFile(path).map { SHA256.hex($0) } == hash }
    }

    /// Runs load → synthesize → render → publish-to-memory: every file of the report folder.
    private func produce(snapshot: InputSnapshot) throws -> ([(path: String, bytes: [UInt8])], BuildOutcome) {
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
        // synthesize
        let results = Synthesis.run(review, configPath: loader.displayPath(ReviewLoader.configFileName), strict: strict)
        if results.diagnostics.hasErrors {
            throw BuildFailure(
                step: "synthesize", diagnostics: (review.warnings + results.diagnostics).sortedByLocation(),
                exitCode: ExitStatus.invalidData)
        }
        // render
        let templateFiles = snapshot.files.filter { $0.key.hasPrefix("templates/") }
        guard !templateFiles.isEmpty else {
            throw BuildFailure(
                step: "render",
                diagnostics: [.error("the templates folder is missing or empty", at: SourceLocation(file: folders.templates))],
                exitCode: ExitStatus.missingInput)
        }
        var templates: [String: String] = [:]
        for file in templateFiles {
            templates[String(file.key.dropFirst("templates/".count))] = String(decoding: file.bytes, as: UTF8.self)
        }
        let dataFingerprint = SHA256.hex(
            Array(snapshot.files.filter { $0.key.hasPrefix("data/") }.map { "\($0.key) \(SHA256.hex($0.bytes))\n" }
                .joined().utf8))
        let renderer = ReportRenderer(
            review: review, results: results,
            templates: TemplateRenderer(templates: templates, displayDirectory: folders.templates),
            build: .init(version: version, date: Self.sourceDate(), dataFingerprint: dataFingerprint))
        let rendered: RenderedReport
        switch renderer.render() {
        case .success(let report): rendered = report
        case .failure(let error):
            throw BuildFailure(step: "render", diagnostics: error.diagnostics, exitCode: ExitStatus.invalidData)
        }
        // publish
        var files = rendered.files
        let page = HTMLPage(template: templates["page.html"] ?? "", style: templates["style.css"] ?? "")
        let footer =
            "Built by scopereport \(version)" + (Self.sourceDate().isEmpty ? "" : " on \(Self.sourceDate())")
            + " · data SHA-256 \(dataFingerprint)"
        do {
            let html = try page.render(
                title: review.config.metadata.title, markdown: rendered.markdown,
                figures: Dictionary(uniqueKeysWithValues: rendered.figures.map { ($0.name, $0.svg) }), footer: footer)
            files.append(("index.html", Array(html.utf8)))
        } catch {
            throw BuildFailure(
                step: "publish",
                diagnostics: [.error("\(error)", at: SourceLocation(file: "\(folders.templates)/page.html"))],
                exitCode: ExitStatus.invalidData)
        }
        let outputs = Dictionary(uniqueKeysWithValues: files.map { ($0.path, SHA256.hex($0.bytes)) })
        let manifest = Manifest(version: version, inputs: snapshot.hashes, outputs: outputs)
        files.append(("manifest.json", manifest.encoded()))
        let outcome = BuildOutcome(
            studies: review.studyCount, figures: rendered.figures.count, tables: rendered.tables.count,
            changedFiles: 0, warnings: (review.warnings + results.diagnostics).sortedByLocation(), upToDate: false)
        return (files, outcome)
    }

    /// SOURCE_DATE_EPOCH as a UTC date, the only date a report may show (reproducible builds).
    static func sourceDate() -> String {
        guard let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Int64(text) else {
            return ""
        }
        var days = seconds / 86_400
        if seconds < 0, seconds % 86_400 != 0 { days -= 1 }
        // Civil-from-days (Howard Hinnant's algorithm): no calendar or time-zone API involved.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return String(format: "%04lld-%02lld-%02lld", year, month, day)
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
        return "built \(out)/ from \(Console.count(studies ?? 0, "study")): \(Console.count(figures, "figure")), "
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
