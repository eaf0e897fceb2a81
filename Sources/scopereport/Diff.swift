import ArgumentParser
import Foundation
import ScopeDiff

extension ScopeReport {
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract:
                "Show which studies and results changed between two reports, data folders or revisions.",
            discussion: """
                OLD and NEW are each a report folder (with manifest.json) or a data folder (with \
                review.yaml), which is built into a temporary folder first. A data folder is built with \
                --templates, else with the templates folder beside it, else with ./templates. With --git, \
                OLD and NEW are git revisions: the --data and --templates folders are read as they are at \
                each revision (through git archive: the work tree and index are not touched) and built.

                Reported, in this order, only what changed: studies added, removed and changed (column, old \
                → new); PRISMA counts; every other value of results.json, in words, with its key and, for \
                p-values, whether significance at α flipped (α from the new report); result keys added or \
                removed; tables whose cells changed; figures whose data changed.

                Exit status, as diff(1): 0 no differences (nothing is printed), 1 differences, 2 trouble \
                (a missing folder, a failed build, an unknown revision, bad arguments). Only an option given \
                without its value is caught before this command runs, and exits 64.
                """)

        @Argument(
            parsing: .allUnrecognized,
            help: ArgumentHelp(
                "OLD and NEW: report folders or data folders (with --git: revisions).",
                valueName: "old-and-new"))
        var operands: [String] = []

        @Flag(name: .long, help: "OLD and NEW are git revisions of the data and templates.")
        var git = false

        @Option(name: .long, help: "text, markdown (for a pull-request comment) or json.")
        var format = "text"

        @Option(
            name: .long, help: "With --git: the data folder to read at each revision (default: review-data).")
        var data: String?

        @Option(
            name: .long,
            help: "The templates folder to build data folders with (with --git: to read at each revision).")
        var templates: String?

        /// Usage mistakes exit 2 (diff(1)'s trouble), not ArgumentParser's 64, so scripts can tell
        /// "differences" (1) from "could not compare" (2).
        func validate() throws {
            if let unknown = operands.first(where: { $0.hasPrefix("-") && $0.count > 1 }) {
                try usageError("unknown option '\(unknown)'")
            }
            if operands.count != 2 {
                try usageError(
                    "expected two \(git ? "revisions" : "folders") (OLD and NEW), got \(operands.count)")
            }
            if DiffFormat(rawValue: format) == nil {
                try usageError("--format must be text, markdown or json, not '\(format)'")
            }
            if data != nil, !git { try usageError("--data is read at a revision; use it with --git") }
        }

        private func usageError(_ message: String) throws -> Never {
            Console.error(
                """
                error: \(message)
                Usage: scopereport diff OLD NEW [--format text|markdown|json] [--templates DIR]
                       scopereport diff --git REV1 REV2 [--data DIR] [--templates DIR] [--format …]
                See 'scopereport diff --help'.
                """)
            throw ExitCode(2)
        }

        func run() throws {
            let diff: ReportDiff
            do {
                let workspace = try DiffWorkspace()
                defer { workspace.remove() }
                let maker = ReportMaker(
                    executable: Self.executable, workspace: workspace,
                    directory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
                let (old, new) = try reports(maker)
                diff = ReportDiff(
                    old: try ReportFolder(contentsOf: old), new: try ReportFolder(contentsOf: new))
            } catch let trouble as DiffTrouble {
                if !trouble.output.isEmpty { Console.write(trouble.output) }
                Console.error("error: \(trouble)")
                throw ExitCode(2)
            } catch {
                // Exit 1 means "differences", so no other failure may fall through to ArgumentParser's 1.
                Console.error("error: \(error.localizedDescription)")
                throw ExitCode(2)
            }
            guard !diff.isEmpty else { return }
            Console.output(diff.rendered(as: DiffFormat(rawValue: format)!))
            throw ExitCode(1)
        }

        private func reports(_ maker: ReportMaker) throws -> (old: URL, new: URL) {
            guard git else {
                return (
                    try maker.report(for: operands[0], templates: templates, name: "old"),
                    try maker.report(for: operands[1], templates: templates, name: "new")
                )
            }
            let data = data ?? "review-data"
            let templates = templates ?? "templates"
            return (
                try maker.report(atRevision: operands[0], data: data, templates: templates, name: "old"),
                try maker.report(atRevision: operands[1], data: data, templates: templates, name: "new")
            )
        }

        /// This very binary, to build data folders with the same version of the pipeline.
        private static var executable: URL {
            Bundle.main.executableURL
                ?? URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).standardizedFileURL
        }
    }
}
