import ArgumentParser
import ScopeBuild

/// `scopereport`: turns a review's extraction sheet and config into its published results.
@main
struct ScopeReport: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "scopereport",
        abstract: "Build the results of a systematic or scoping review from its extraction sheet.",
        discussion: """
            A review lives in a data folder (review.yaml + the extraction sheet, CSV or XLSX) and a \
            templates folder (Markdown). `scopereport build` reads them and writes a report folder: \
            index.html, report.md, results.json, figures/*.svg, tables/*.md|csv|tex, manifest.json.

            Start a new review with `scopereport init my-review`, then `cd my-review && scopereport`.

            Exit status: 0 success, 65 invalid data, 66 missing input, 70 internal error, 73 the output \
            folder cannot be written (it holds files the tool did not write).
            """,
        version: version,
        subcommands: [
            Build.self, Serve.self, Validate.self, Init.self, Placeholders.self, Prisma.self, Stats.self,
            Generate.self, Diff.self,
        ],
        defaultSubcommand: Build.self
    )
}

/// The build's sysexits(3) codes, for every command.
enum ExitStatus {
    static let invalidData = ExitCode(BuildExit.invalidData.rawValue)
    static let missingInput = ExitCode(BuildExit.missingInput.rawValue)
    static let internalError = ExitCode(BuildExit.internalError.rawValue)
    static let cannotWriteOutput = ExitCode(BuildExit.cannotWriteOutput.rawValue)
}
