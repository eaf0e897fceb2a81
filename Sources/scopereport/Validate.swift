import ArgumentParser
import Foundation
import ScopeDiagnostics
import ScopeLoad

extension ScopeReport {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Load and check the review's data without building the report.",
            discussion: """
                Prints every problem at once, compiler-style (FILE:LINE:COLUMN: error: …), then a summary. \
                Exits 65 when there are errors, 66 when an input is missing, 0 otherwise (warnings allowed).
                """)

        @Option(name: .long, help: "The review's data folder (review.yaml and the sheet).")
        var data = "review-data"

        @Option(name: .long, help: "Output format: text (for people and editors) or json (for CI).")
        var format: OutputFormat = .text

        enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
            case text
            case json
        }

        func run() throws {
            let loader = ReviewLoader(dataDirectory: URL(fileURLWithPath: data), displayDirectory: data)
            let diagnostics: [Diagnostic]
            let studies: Int?
            var exit = ExitCode.success
            switch loader.load() {
            case .success(let review):
                diagnostics = review.warnings
                studies = review.studyCount
            case .failure(let failure):
                diagnostics = failure.diagnostics
                studies = nil
                if case .missingInput = failure {
                    exit = ExitStatus.missingInput
                } else {
                    exit = ExitStatus.invalidData
                }
            }
            let errors = diagnostics.errors.count
            let warnings = diagnostics.warnings.count
            switch format {
            case .text:
                Console.print(diagnostics: diagnostics)
                if let studies {
                    Console.write(
                        "\(data): \(Console.count(studies, "study")) valid, \(Console.count(warnings, "warning"))"
                    )
                } else {
                    Console.write(
                        "\(data): \(Console.count(errors, "error")), \(Console.count(warnings, "warning")); nothing was built"
                    )
                }
            case .json:
                Console.output(ValidationJSON.encode(diagnostics: diagnostics, studies: studies))
            }
            if exit != .success { throw exit }
        }
    }
}

/// `validate --format json`: `{"errors": N, "warnings": N, "studies": N|null, "diagnostics": [...]}`.
enum ValidationJSON {
    struct Entry: Encodable {
        var file: String
        var line: Int?
        var column: Int?
        var cell: String?
        var severity: String
        var message: String
    }

    struct Report: Encodable {
        var errors: Int
        var warnings: Int
        var studies: Int?
        var diagnostics: [Entry]

        enum CodingKeys: String, CodingKey { case errors, warnings, studies, diagnostics }

        /// `studies` is always there, null when the data does not load: CI reads it without a guard.
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(errors, forKey: .errors)
            try container.encode(warnings, forKey: .warnings)
            try container.encode(studies, forKey: .studies)
            try container.encode(diagnostics, forKey: .diagnostics)
        }
    }

    static func encode(diagnostics: [Diagnostic], studies: Int?) -> String {
        let report = Report(
            errors: diagnostics.errors.count, warnings: diagnostics.warnings.count, studies: studies,
            diagnostics: diagnostics.map {
                Entry(
                    file: $0.location.file, line: $0.location.line, column: $0.location.column,
                    cell: $0.location.cell,
                    severity: $0.severity.rawValue, message: $0.message)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(report)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
