import ArgumentParser
import Foundation
import ScopeDiagnostics
import ScopeLoad
import ScopeSystem

extension ScopeReport {
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract: "Write a synthetic review of N studies shaped like an existing one (for benchmarks).",
            discussion: """
                Loads the --like review (config and sheet, as `build` does) and learns from it, column by \
                column, how often a cell is filled and what it holds: the categories and their frequencies, \
                how many values a multi-category cell has, numbers (log-normal when positive), years \
                (skewed to the recent end) and the words of free text. Writes OUT/review.yaml (the --like \
                config, with a PRISMA flow that adds up for N studies), the sheet and the excluded list \
                scaled to N. The same --seed always writes the same bytes.
                """)

        @Option(help: "The number of studies to write.")
        var studies: Int

        @Option(help: "The seed of the random numbers; the same seed gives the same files.")
        var seed: UInt64 = 1

        @Option(help: "The review whose config and shape to copy.")
        var like = "review-data"

        @Option(help: "The data folder to write (created; it must be empty unless --force).")
        var out: String

        @Flag(help: "Write into a folder that already holds files, replacing those of the same names.")
        var force = false

        func validate() throws {
            guard (1...1_000_000).contains(studies) else {
                throw ValidationError("--studies must lie between 1 and 1000000")
            }
        }

        func run() throws {
            try checkOut()
            let review = try ReviewLoader.review(
                in: like, failing: "\(like): the review to copy does not load; nothing was written")
            let config = review.config
            guard config.sheet.file.lowercased().hasSuffix(".csv") else {
                Console.error("\(like)/\(config.sheet.file): error: generate writes CSV sheets only")
                throw ExitStatus.invalidData
            }
            // The config exactly as read, comments and all.
            let configText = review.configText

            var random = SplitMix64(seed: seed)
            let sample = SyntheticSample(like: review)
            let sheet = sample.studies(count: studies, random: &random)
            let excludedCount = sample.excludedCount(forStudies: studies)
            var files: [(path: String, bytes: [UInt8])] = [(config.sheet.file, sheet)]
            var yaml = configText
            if let source = config.excluded {
                files.append((source.file, sample.excluded(count: excludedCount, random: &random)))
            }
            if config.prisma != nil {
                yaml = YAMLText.replacingTopLevelBlock(
                    "prisma", in: yaml,
                    with: SyntheticSample.prismaFlow(studies: studies, excluded: excludedCount))
            }
            files.append((ReviewLoader.configFileName, Array(yaml.utf8)))

            let root = URL(fileURLWithPath: out)
            for file in files {
                let url = root.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.bytes).write(to: url, options: .atomic)
            }
            Console.write(
                "wrote \(out)/: \(Console.count(studies, "study")) and \(Console.count(excludedCount, "excluded candidate")) "
                    + "shaped like \(like) (seed \(seed))")
        }
    }
}

extension ScopeReport.Generate {
    /// A synthetic review must never replace an author's data: `--out rd` where rd holds the real sheet
    /// would overwrite it with made-up studies. Checked before anything is read or written.
    fileprivate func checkOut() throws {
        var status = stat()
        guard lstat(out, &status) == 0 else { return }
        let refusal: String
        if status.st_mode & S_IFMT != S_IFDIR {
            refusal = "it is not a folder"
        } else {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
            guard !entries.isEmpty, !force else { return }
            refusal =
                "it is not empty (\(Console.count(entries.count, "entry"))); "
                + "generate writes into a new or empty folder (pass --force to replace the files of the same names)"
        }
        Console.print(diagnostics: [
            .error("refusing to write \(out): \(refusal)", at: SourceLocation(file: out))
        ])
        throw ExitStatus.cannotWriteOutput
    }
}

/// The draws the generator needs, on the project's seeded generator.
extension SplitMix64 {
    /// Uniform in [0, 1) with 53 random bits.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Uniform in 0..<bound (bound > 0); the modulo bias is below 2⁻⁴⁰ for any bound we use.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    /// Standard normal by Box–Muller.
    mutating func normal() -> Double {
        let u = 1 - unit()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * unit())
    }

    /// An index drawn with probability proportional to `weights` (cumulative, ascending, last > 0).
    mutating func pick(cumulative weights: [Double]) -> Int {
        let target = unit() * weights[weights.count - 1]
        var low = 0
        var high = weights.count - 1
        while low < high {
            let middle = (low + high) / 2
            if weights[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

/// What each sheet column of the --like review looks like, learned from its loaded cells, and the
/// rows drawn from that. Everything review-specific comes from the loaded config and data.
struct SyntheticSample {
    let config: ReviewConfig
    let models: [ColumnModel]
    /// Excluded candidates per included study in --like, and each excluded column's observed values.
    let excludedRatio: Double
    let excludedColumns: [(name: String, values: [String])]

    init(like review: Review) {
        config = review.config
        let synthesized = Set(
            review.config.synthesis.frequencies.map(\.column)
                + review.config.synthesis.crosstabs.flatMap { [$0.rows, $0.columns] })
        models = review.config.columns.map { spec in
            ColumnModel(
                spec: spec, cells: review.values[spec.name], isID: spec.name == review.config.sheet.idColumn,
                countsDistinctTexts: synthesized.contains(spec.name), studies: review.studyCount,
                decimalMark: review.config.sheet.decimalMark)
        }
        excludedRatio = review.studyCount == 0 ? 0 : Double(review.excluded.count) / Double(review.studyCount)
        let names = review.excluded.first?.fields.map(\.name) ?? []
        excludedColumns = names.map { name in
            (name, review.excluded.compactMap { study in study.fields.first { $0.name == name }?.value })
        }
    }

    func excludedCount(forStudies studies: Int) -> Int { Int((Double(studies) * excludedRatio).rounded()) }

    /// The studies sheet as CSV: the codebook's columns in its order, one row per study.
    func studies(count: Int, random: inout SplitMix64) -> [UInt8] {
        let separator: Character
        switch config.sheet.delimiter {
        case .semicolon: separator = ";"
        case .tab: separator = "\t"
        case .comma, .automatic: separator = ","
        }
        var csv = ""
        func append(row: [String]) {
            csv +=
                row.map { CSVText.field($0, separator: separator) }.joined(separator: String(separator))
                + "\n"
        }
        append(row: models.map(\.spec.name))
        let index = Dictionary(uniqueKeysWithValues: models.enumerated().map { ($1.spec.name, $0) })
        var cells = [String?](repeating: nil, count: models.count)
        for row in 0..<count {
            for (column, model) in models.enumerated() {
                cells[column] = random.chance(model.fillRate) ? model.value(row: row, random: &random) : nil
            }
            // A value whose column `needs` another (a metric needs its sample size) brings that one along,
            // so the synthetic sheet is free of the warnings a real sheet would fix.
            for (column, model) in models.enumerated() where cells[column] != nil {
                for needed in model.spec.needs {
                    if let other = index[needed], cells[other] == nil {
                        cells[other] = models[other].value(row: row, random: &random)
                    }
                }
            }
            append(row: cells.map { $0 ?? "" })
        }
        return Array(csv.utf8)
    }

    /// The excluded list: --like's columns, each value drawn from that column's values, fresh ids.
    func excluded(count: Int, random: inout SplitMix64) -> [UInt8] {
        var csv = ""
        func append(row: [String]) { csv += row.map { CSVText.field($0) }.joined(separator: ",") + "\n" }
        let idColumn = config.excluded?.idColumn ?? ""
        var columns = excludedColumns
        if columns.isEmpty {
            // --like lists no excluded candidate: the two columns the config names, with a stock reason.
            columns = [(idColumn, []), (config.excluded?.reasonColumn ?? "", ["not eligible"])]
        }
        append(row: columns.map(\.name))
        for row in 0..<count {
            append(
                row: columns.map { column in
                    if column.name == idColumn { return "excluded-\(row + 1)" }
                    return column.values.isEmpty ? "" : column.values[random.below(column.values.count)]
                })
        }
        return Array(csv.utf8)
    }

    /// A PRISMA 2020 flow whose every box adds up for `studies` included and `excluded` full texts
    /// excluded, with screening ratios typical of a review (4 records excluded per report sought).
    static func prismaFlow(studies: Int, excluded: Int) -> String {
        let assessed = studies + excluded
        let notRetrieved = assessed / 30
        let sought = assessed + notRetrieved
        let recordsExcluded = 4 * sought
        let screened = sought + recordsExcluded
        let duplicates = screened / 6
        return """
            # Synthetic flow written by `scopereport generate`: every box adds up for \(studies) studies.
            prisma:
              identification:
                databases: \(screened + duplicates)
                removed_before_screening:
                  duplicates: \(duplicates)
              screening:
                records_screened: \(screened)
                records_excluded: \(recordsExcluded)
                reports_sought: \(sought)
                reports_not_retrieved: \(notRetrieved)
                reports_assessed: \(assessed)
                reports_excluded: \(excluded)
              included:
                studies: \(studies)

            """
    }
}

/// One column's learned shape: how often it is filled, and how to draw a value.
struct ColumnModel {
    let spec: ColumnSpec
    let fillRate: Double
    let draw: Draw
    /// The sheet's decimal mark, so a German-Excel sheet gets `0,93`.
    let decimalMark: Character

    enum Draw {
        /// The sheet's id column: a fresh id per row.
        case id
        /// Category values with cumulative weights, and cumulative weights of how many values a cell has.
        case categories(
            values: [String], weights: [Double], sizes: [Double], notReported: Set<String>, separator: String)
        /// exp(mean + sd·z) or mean + sd·z, rounded to `decimals`, kept within the observed range.
        case number(mean: Double, sd: Double, logNormal: Bool, range: ClosedRange<Double>, decimals: Int)
        /// The latest year minus an exponential number of years with the observed mean age.
        case year(latest: Int, earliest: Int, meanAge: Double)
        /// One of the observed texts, as often as observed (e.g. journal names, counted by the report).
        case observedText([String])
        /// Words of the observed texts, as many as an observed text has.
        case words(vocabulary: [String], lengths: [Int])
        case doi
        case url
    }

    init(
        spec: ColumnSpec, cells: ColumnValues?, isID: Bool, countsDistinctTexts: Bool, studies: Int,
        decimalMark: Character
    ) {
        self.spec = spec
        self.decimalMark = decimalMark
        var filled = 0
        switch cells {
        case .numbers(let values)?: filled = values.count { $0 != nil }
        case .categories(let values)?: filled = values.count { !$0.isEmpty }
        case .texts(let values)?: filled = values.count { $0 != nil }
        case nil: break
        }
        // Laplace's rule keeps a column that --like never filled (or always filled) possible either way.
        fillRate = spec.required || isID ? 1 : (Double(filled) + 0.5) / (Double(studies) + 1)
        if isID {
            draw = .id
            return
        }
        switch spec.type {
        case .category(let values), .multiCategory(let values, _):
            draw = Self.categories(spec: spec, allowed: values, cells: cells?.categories ?? [])
        case .integer, .number, .fraction:
            draw = Self.number(spec.type, observed: (cells?.numbers ?? []).compactMap { $0 })
        case .year:
            let years = (cells?.numbers ?? []).compactMap { $0 }.map { Int($0) }
            let latest = years.max() ?? 2020
            let ages = years.map { Double(latest - $0) }
            draw = .year(
                latest: latest, earliest: years.min() ?? latest - 20,
                meanAge: max(1, ages.isEmpty ? 5 : ages.reduce(0, +) / Double(ages.count)))
        case .doi: draw = .doi
        case .url: draw = .url
        case .text:
            let texts: [String]
            if case .texts(let values)? = cells { texts = values.compactMap { $0 } } else { texts = [] }
            if countsDistinctTexts, !texts.isEmpty {
                draw = .observedText(texts)
            } else {
                let words = texts.map { $0.split(whereSeparator: \.isWhitespace).map(String.init) }.filter {
                    !$0.isEmpty
                }
                draw = .words(
                    vocabulary: words.isEmpty ? [spec.label] : words.flatMap { $0 },
                    lengths: words.isEmpty ? [1] : words.map(\.count))
            }
        }
    }

    private static func categories(spec: ColumnSpec, allowed: [String], cells: [[String]]) -> Draw {
        var counts: [String: Double] = [:]
        var sizeCounts: [Double] = [0]
        for cell in cells where !cell.isEmpty {
            for value in cell { counts[value, default: 0] += 1 }
            while sizeCounts.count <= cell.count { sizeCounts.append(0) }
            sizeCounts[cell.count] += 1
        }
        if sizeCounts.count == 1 { sizeCounts.append(1) }
        // Every codebook value stays possible (+1); a not-reported text only as often as --like used it.
        let values = allowed + spec.notReported.filter { counts[$0] != nil }
        let weights = values.map { (counts[$0] ?? 0) + (allowed.contains($0) ? 1 : 0) }
        var separator = ";"
        if case .multiCategory(_, let given) = spec.type { separator = given }
        return .categories(
            values: values, weights: cumulative(weights), sizes: cumulative(sizeCounts),
            notReported: Set(spec.notReported), separator: separator)
    }

    private static func number(_ type: ColumnType, observed: [Double]) -> Draw {
        let decimals = type == .integer ? 0 : 2
        guard let low = observed.min(), let high = observed.max() else {
            return .number(
                mean: 0.5, sd: 0.2, logNormal: false, range: 0...(type == .fraction ? 1 : 1000),
                decimals: decimals)
        }
        let logNormal = low > 0 && type != .fraction
        let scaled = logNormal ? observed.map { log($0) } : observed
        let mean = scaled.reduce(0, +) / Double(scaled.count)
        let variance =
            scaled.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(max(1, scaled.count - 1))
        let sd = scaled.count > 1 ? variance.squareRoot() : (logNormal ? 1 : abs(mean) / 4)
        return .number(mean: mean, sd: sd, logNormal: logNormal, range: low...high, decimals: decimals)
    }

    private static func cumulative(_ weights: [Double]) -> [Double] {
        var total = 0.0
        return weights.map {
            total += $0
            return total
        }
    }

    func value(row: Int, random: inout SplitMix64) -> String {
        switch draw {
        case .id:
            return String(format: "syn%06d", row + 1)
        case .categories(let values, let weights, let sizes, let notReported, let separator):
            let first = values[random.pick(cumulative: weights)]
            guard case .multiCategory = spec.type, !notReported.contains(first) else { return first }
            var chosen: Set<String> = [first]
            let size = min(random.pick(cumulative: sizes), values.count - notReported.count)
            var attempts = 0
            while chosen.count < size, attempts < 8 * size {
                let value = values[random.pick(cumulative: weights)]
                if !notReported.contains(value) { chosen.insert(value) }
                attempts += 1
            }
            return values.filter(chosen.contains).joined(separator: separator)
        case .number(let mean, let sd, let logNormal, let range, let decimals):
            let drawn = mean + sd * random.normal()
            let value = min(max(logNormal ? exp(drawn) : drawn, range.lowerBound), range.upperBound)
            if decimals == 0 { return String(Int(value.rounded())) }
            let text = PrintfNumber.fixed(value, decimals: decimals)
            return decimalMark == "." ? text : text.replacingOccurrences(of: ".", with: String(decimalMark))
        case .year(let latest, let earliest, let meanAge):
            let age = Int(-meanAge * log(1 - random.unit()))
            return String(max(earliest, latest - age))
        case .observedText(let texts):
            return texts[random.below(texts.count)]
        case .words(let vocabulary, let lengths):
            let count = lengths[random.below(lengths.count)]
            return (0..<count).map { _ in vocabulary[random.below(vocabulary.count)] }.joined(separator: " ")
        case .doi:
            return "10.5555/synthetic.\(row + 1)"
        case .url:
            return "https://example.org/synthetic/\(row + 1)"
        }
    }
}

/// Edits the config as text, so that its comments and layout stay as the author wrote them.
enum YAMLText {
    /// Replaces the top-level `key:` block (with the comment lines just above it) by `replacement`.
    static func replacingTopLevelBlock(_ key: String, in yaml: String, with replacement: String) -> String {
        var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("\(key):") }) else { return yaml }
        var end = start + 1
        while end < lines.count, lines[end].isEmpty || lines[end].first == " " || lines[end].first == "\t" {
            end += 1
        }
        while end > start + 1, lines[end - 1].trimmingCharacters(in: .whitespaces).isEmpty { end -= 1 }
        var first = start
        while first > 0, lines[first - 1].hasPrefix("#") { first -= 1 }
        lines.replaceSubrange(first..<end, with: replacement.split(separator: "\n").map(String.init))
        return lines.joined(separator: "\n")
    }
}
