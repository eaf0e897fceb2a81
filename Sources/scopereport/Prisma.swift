import ArgumentParser
import Foundation
import ScopeDiagnostics
import ScopeLoad
import ScopeSystem

extension ScopeReport {
    struct Prisma: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "prisma",
            abstract: "Bring PRISMA 2020 counts over from, or out to, the PRISMA2020 package's CSV.",
            discussion: """
                The config can name such a CSV instead of giving the counts (prisma: {csv: prisma.csv}). \
                `from-csv` prints the prisma: section that holds the same counts, to keep them in \
                review.yaml for good; `to-csv` prints the CSV of the review's counts for the PRISMA2020 \
                R package or Shiny app. Reading either back gives the same diagram.
                """,
            subcommands: [FromCSV.self, ToCSV.self])
    }
}

extension ScopeReport.Prisma {
    struct FromCSV: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "from-csv", abstract: "Print the config's prisma: section for a PRISMA2020 CSV.")

        @Argument(help: "The CSV the PRISMA2020 package or its Shiny app reads and writes.")
        var file: String

        func run() throws {
            let bytes: [UInt8]
            switch LocalFiles.readRegularFile(file) {
            case .success(let read): bytes = read
            case .failure(.notARegularFile(let kind)):
                Console.error("\(file): error: this is not a regular file (\(kind)); give the CSV as a file")
                throw ExitStatus.missingInput
            case .failure:
                Console.error("\(file): error: cannot read this file")
                throw ExitStatus.missingInput
            }
            let (flow, diagnostics) = PrismaFlow.fromTemplateCSV(bytes, file: file)
            Console.print(diagnostics: diagnostics + (flow?.check() ?? []))
            guard let flow, !diagnostics.hasErrors else { throw ExitStatus.invalidData }
            Console.output(flow.configYAML())
        }
    }

    struct ToCSV: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "to-csv",
            abstract: "Print the review's PRISMA counts as the PRISMA2020 package's CSV.")

        @Option(help: "The review's data folder (review.yaml and the sheet).")
        var data = "review-data"

        func run() throws {
            let review = try ReviewLoader.review(in: data)
            guard let flow = review.config.prisma else {
                Console.error(
                    "\(data)/\(ReviewLoader.configFileName): error: the config has no 'prisma' section")
                throw ExitStatus.invalidData
            }
            let (csv, warnings) = flow.templateCSV()
            Console.print(diagnostics: warnings)
            Console.output(csv)
        }
    }
}
