import ArgumentParser
import Foundation
import ScopeLoad
import ScopeRender
import ScopeSynthesis

extension ScopeReport {
    struct Placeholders: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "placeholders",
            abstract: "List every name the templates may use for this review.",
            discussion: """
                One per line, sorted: {{name}} for a value (the keys of results.json, tables, figures, \
                metadata), {{#name}} … {{/name}} with its items' names for a list. Needs only the data: \
                it works before the first build.
                """)

        @Option(help: "The review's data folder (review.yaml and the sheet).")
        var data = "review-data"

        func run() throws {
            let review = try ReviewLoader.review(in: data)
            let loader = ReviewLoader(dataDirectory: URL(fileURLWithPath: data), displayDirectory: data)
            let results = Synthesis.run(
                review, configPath: loader.displayPath(ReviewLoader.configFileName), strict: false)
            let renderer = ReportRenderer(
                review: review, results: results,
                templates: TemplateRenderer(templates: [:], displayDirectory: ""),
                build: .init(version: ScopeReport.version, date: "", dataFingerprint: ""))
            Console.output(renderer.placeholderNames().joined(separator: "\n") + "\n")
        }
    }
}
