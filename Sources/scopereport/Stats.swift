import ArgumentParser
import Foundation
import ScopeDiagnostics
import ScopeLoad
import ScopeStatistics
import ScopeSystem

extension ScopeReport {
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats", abstract: "Quick statistics on any CSV file.", subcommands: [Correlate.self]
        )
    }
}

extension ScopeReport.Stats {
    struct Correlate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "correlate",
            abstract: "Pearson, Spearman and Kendall correlation of two columns of a CSV file.",
            discussion: """
                Rows where either cell is blank or not a number are skipped (pairwise), and counted. \
                Pearson: r, two-sided p (t, n − 2 df), 95 % CI by Fisher's z. Spearman: ρ with average \
                ranks, p by the t approximation. Kendall: τ-b, p by the tie-corrected normal approximation \
                (as scipy.stats.kendalltau with method='asymptotic').
                """)

        @Argument(help: "A CSV file with a header row (comma, semicolon or tab separated).")
        var file: String

        @Option(help: "The x column's header.")
        var x: String

        @Option(help: "The y column's header.")
        var y: String

        @Option(help: "text or json.")
        var format: Format = .text

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text
            case json
        }

        func run() throws {
            guard let data = FileManager.default.contents(atPath: file) else {
                Console.error("\(file): error: cannot read this file")
                throw ExitStatus.missingInput
            }
            let sheet: RawSheet
            do {
                sheet = try CSVReader.read([UInt8](data), displayPath: file)
            } catch {
                Console.print(diagnostics: error.diagnostics)
                throw ExitStatus.invalidData
            }
            // Headers and numbers are read as `build` reads a sheet's.
            let headers = sheet.header.map(\.text.trimmingSpaces)
            var problems: [Diagnostic] = []
            for name in [x, y] {
                let places = sheet.header.indices.filter { headers[$0] == name }
                if places.count > 1 {
                    problems.append(
                        .error(
                            "the column '\(name)' appears twice in the header row; rename or delete one of them",
                            at: sheet.header[places[1]].location))
                } else if places.isEmpty {
                    var message = "no column named '\(name)'"
                    if let suggestion = Suggestion.closest(to: name, among: headers) {
                        message += "; did you mean '\(suggestion)'?"
                    }
                    problems.append(.error(message, at: SourceLocation(file: file, line: 1)))
                }
            }
            guard problems.isEmpty else {
                Console.print(diagnostics: problems)
                throw ExitStatus.invalidData
            }
            let (xs, ys, skipped) = pairs(
                sheet, xIndex: headers.firstIndex(of: x)!, yIndex: headers.firstIndex(of: y)!)
            let analysis = CorrelationAnalysis.correlate(xs, ys)
            switch format {
            case .json: Console.output(CorrelationJSON.encode(analysis, skipped: skipped))
            case .text: Console.output(text(analysis, skipped: skipped))
            }
        }

        private func pairs(_ sheet: RawSheet, xIndex: Int, yIndex: Int) -> ([Double], [Double], Int) {
            var xs: [Double] = []
            var ys: [Double] = []
            var skipped = 0
            for row in sheet.rows {
                let cell = { (index: Int) -> Double? in
                    guard index < row.count else { return nil }
                    return CellParser.decimal(row[index].text.trimmingSpaces)
                }
                if let xv = cell(xIndex), let yv = cell(yIndex) {
                    xs.append(xv)
                    ys.append(yv)
                } else {
                    skipped += 1
                }
            }
            return (xs, ys, skipped)
        }

        private func text(_ analysis: CorrelationAnalysis, skipped: Int) -> String {
            func number(_ value: Double) -> String { PrintfNumber.significant(value, digits: 6) }
            var lines = ["\(y) against \(x): n = \(analysis.n) complete pairs, \(skipped) rows skipped"]
            switch analysis.pearson {
            case .value(let p):
                var line = "Pearson r = \(number(p.r)), p = \(number(p.p))"
                if let ci = p.confidenceInterval.value {
                    line += ", 95 % CI [\(number(ci.lower)), \(number(ci.upper))]"
                }
                lines.append(line)
            case .notComputable(let reason): lines.append("Pearson: not computable (\(reason))")
            }
            for (name, symbol, value) in [
                ("Spearman", "rho", analysis.spearman), ("Kendall", "tau-b", analysis.kendall),
            ] {
                switch value {
                case .value(let rank):
                    lines.append("\(name) \(symbol) = \(number(rank.coefficient)), p = \(number(rank.p))")
                case .notComputable(let reason): lines.append("\(name): not computable (\(reason))")
                }
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }
}

/// `{"n": 17, "skipped": 2, "pearson": {"r": …, "p": …, "ci95": [lo, hi]}, "spearman": {"rho": …, "p": …},
/// "kendall": {"tau": …, "p": …}}`; a coefficient that is not computable is null, with the "reason".
enum CorrelationJSON {
    static func encode(_ analysis: CorrelationAnalysis, skipped: Int) -> String {
        func number(_ value: Double) -> String { value.isFinite ? "\(value)" : "null" }
        var lines = ["{", "  \"n\": \(analysis.n),", "  \"skipped\": \(skipped),"]
        switch analysis.pearson {
        case .value(let p):
            let ci = p.confidenceInterval.value.map { "[\(number($0.lower)), \(number($0.upper))]" } ?? "null"
            lines.append("  \"pearson\": {\"r\": \(number(p.r)), \"p\": \(number(p.p)), \"ci95\": \(ci)},")
        case .notComputable(let reason):
            lines.append(
                "  \"pearson\": {\"r\": null, \"p\": null, \"ci95\": null, \"reason\": \(JSONText.string(reason))},"
            )
        }
        for (name, symbol, value, last) in [
            ("spearman", "rho", analysis.spearman, false), ("kendall", "tau", analysis.kendall, true),
        ] {
            let comma = last ? "" : ","
            switch value {
            case .value(let rank):
                lines.append(
                    "  \"\(name)\": {\"\(symbol)\": \(number(rank.coefficient)), \"p\": \(number(rank.p))}\(comma)"
                )
            case .notComputable(let reason):
                lines.append(
                    "  \"\(name)\": {\"\(symbol)\": null, \"p\": null, \"reason\": \(JSONText.string(reason))}\(comma)"
                )
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}
