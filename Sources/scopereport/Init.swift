import ArgumentParser
import Foundation
import ScopeDiagnostics
import ScopeLoad

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

        @Option(help: "An existing extraction sheet (CSV or XLSX): the review is made around it.")
        var from: String?

        @Option(help: "With --from and an XLSX workbook: the worksheet (default: the first).")
        var sheet: String?

        func run() throws {
            let root = URL(fileURLWithPath: directory)
            let manager = FileManager.default
            var files = StarterFiles.files
            if let from { files = try filesAround(from) }
            let existing =
                (files.map(\.path)
                + (from.map { ["review-data/" + URL(fileURLWithPath: $0).lastPathComponent] } ?? [])).filter {
                    manager.fileExists(atPath: root.appendingPathComponent($0).path)
                }
            guard existing.isEmpty else {
                Console.error(
                    "\(directory): error: would overwrite \(existing.joined(separator: ", ")); nothing was written"
                )
                throw ExitStatus.invalidData
            }
            for file in files {
                let url = root.appendingPathComponent(file.path)
                try manager.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: url, options: .atomic)
            }
            if let from {
                try manager.copyItem(
                    at: URL(fileURLWithPath: from),
                    to: root.appendingPathComponent(
                        "review-data/" + URL(fileURLWithPath: from).lastPathComponent))
            }
            Console.write(
                "created a review in \(directory)/: edit review-data/ and templates/, then run `scopereport` there"
            )
        }

        /// The config and starter report inferred from the sheet at `path`.
        private func filesAround(_ path: String) throws -> [(path: String, text: String)] {
            let name = URL(fileURLWithPath: path).lastPathComponent
            let isWorkbook = name.lowercased().hasSuffix(".xlsx")
            guard let bytes = FileManager.default.contents(atPath: path) else {
                Console.error("\(path): error: cannot read this file")
                throw ExitStatus.missingInput
            }
            let read: RawSheet
            do throws(DiagnosticsError) {
                read =
                    isWorkbook
                    ? try XLSXReader.read(URL(fileURLWithPath: path), displayPath: path, sheet: sheet)
                    : try CSVReader.read([UInt8](bytes), displayPath: path)
            } catch {
                Console.print(diagnostics: error.diagnostics)
                throw ExitStatus.invalidData
            }
            if let blank = read.header.first(where: { $0.text.trimmingSpaces.isEmpty }) {
                Console.print(diagnostics: [
                    .error("this column has no name; name it in the header row first", at: blank.location)
                ])
                throw ExitStatus.invalidData
            }
            return StarterFromSheet(sheetName: name, worksheet: sheet, codebook: InferredCodebook(of: read))
                .files
        }
    }
}
