import ArgumentParser
import Foundation

extension ScopeReport {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Create a new review project that builds at once.",
            discussion: """
                Writes DIR/review-data/ (review.yaml and a three-study studies.csv) and DIR/templates/ \
                (report.md, page.html, style.css). Then: cd DIR && scopereport build. \
                Refuses to overwrite existing files.
                """)

        @Argument(help: "The folder to create (it may exist, but must not hold the project's files yet).")
        var directory: String

        func run() throws {
            let root = URL(fileURLWithPath: directory)
            let manager = FileManager.default
            let existing = StarterFiles.files.map(\.path).filter {
                manager.fileExists(atPath: root.appendingPathComponent($0).path)
            }
            guard existing.isEmpty else {
                Console.error(
                    "\(directory): error: would overwrite \(existing.joined(separator: ", ")); nothing was written"
                )
                throw ExitStatus.invalidData
            }
            for file in StarterFiles.files {
                let url = root.appendingPathComponent(file.path)
                try manager.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: url, options: .atomic)
            }
            Console.write(
                "created a review in \(directory)/: edit review-data/ and templates/, then run `scopereport` there"
            )
        }
    }
}
