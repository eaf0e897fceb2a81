import ArgumentParser
import Foundation
import ScopeBuild
import ScopeDiagnostics
import ScopeLoad
import ScopePublish
import ScopeRender
import ScopeSynthesis
import ScopeSystem

extension ScopeReport {
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "build",
            abstract: "Build the report folder from the data and templates (the default command).",
            discussion: """
                Writes OUT/index.html, report.md, results.json, figures/, tables/ and manifest.json. \
                The folder is replaced atomically: a failed or interrupted build leaves the previous \
                report exactly as it was. When no input and not the tool's version changed since the last \
                build, nothing is written. SOURCE_DATE_EPOCH, when set, is the only date the report shows.
                """)

        @OptionGroup var folders: Folders

        @Flag(name: .long, help: "Print nothing but errors.")
        var quiet = false

        @Flag(
            name: .long, help: "Rebuild even when no input changed (e.g. after rebuilding the tool itself).")
        var force = false

        @Flag(name: .long, help: "Treat a manuscript claim that no longer holds as an error, not a warning.")
        var strict = false

        @Flag(
            name: .long,
            help:
                "Write nothing; exit 1 and list the stale files when --out differs from a fresh build (for CI)."
        )
        var check = false

        func validate() throws {
            try folders.checkOutput()
        }

        func run() throws {
            let started = DispatchTime.now()
            let outcome: BuildOutcome
            let build = ReportBuild(
                folders: folders.build, version: ScopeReport.version, force: force, strict: strict)
            do {
                if check {
                    let (stale, result) = try build.staleFiles()
                    if !quiet { Console.print(diagnostics: result.warnings) }
                    guard stale.isEmpty else {
                        for path in stale { Console.write("\(folders.out)/\(path): stale") }
                        Console.write(
                            "\(folders.out)/ is out of date: \(Console.count(stale.count, "file")) "
                                + "\(stale.count == 1 ? "differs" : "differ") from a fresh "
                                + "build; run `scopereport build` and commit the result")
                        throw ExitCode(1)
                    }
                    if !quiet { Console.write("\(folders.out)/ is current") }
                    return
                }
                outcome = try build.run()
            } catch let exit as ExitCode {
                throw exit
            } catch {
                let (lines, exit) = BuildMessages.lines(for: error, out: folders.out)
                for line in lines { Console.write(line) }
                throw ExitCode(exit.rawValue)
            }
            if !quiet {
                for line in BuildMessages.lines(for: outcome, out: folders.out, startedAt: started) {
                    Console.write(line)
                }
            }
        }
    }

    /// The folders every building command shares.
    struct Folders: ParsableArguments {
        @Option(name: .long, help: "The review's data folder (review.yaml and the extraction sheet).")
        var data = "review-data"

        @Option(name: .long, help: "The folder of Markdown templates, partials/, page.html and style.css.")
        var templates = "templates"

        @Option(name: .long, help: "The report folder to write (replaced as a whole).")
        var out = "_report"

        var build: BuildFolders { BuildFolders(data: data, templates: templates, out: out) }
        var dataURL: URL { build.dataURL }

        /// The output folder is replaced wholesale, so it must never be one of the inputs, the project
        /// root or the file system's root.
        func checkOutput() throws {
            let outPath = LocalFiles.resolved(out)
            // $HOME, as the shell means it; NSHomeDirectory() would ask the user database first.
            let home = getenv("HOME").map { String(cString: $0) } ?? NSHomeDirectory()
            let forbidden: [(String, String)] = [
                ("/", "the file system's root"),
                (LocalFiles.resolved(data), "the data folder"),
                (LocalFiles.resolved(templates), "the templates folder"),
                (LocalFiles.currentFolder, "the current folder"),
                (LocalFiles.resolved(home), "your home folder"),
            ]
            for (path, what) in forbidden where outPath == path {
                throw ValidationError(
                    "--out \(out) is \(what); the report folder is replaced as a whole, so choose a folder of its own such as _report"
                )
            }
            for (path, what) in forbidden.dropFirst().prefix(2) where path.hasPrefix(outPath + "/") {
                throw ValidationError(
                    "--out \(out) contains \(what); choose a folder of its own such as _report")
            }
            if access(outPath + "/.git", F_OK) == 0 {
                throw ValidationError(
                    "--out \(out) is a repository root; choose a folder of its own such as _report")
            }
        }
    }
}
