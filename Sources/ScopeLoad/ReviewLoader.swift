import Foundation
import ScopeDiagnostics
import ScopeSystem

/// Why loading failed, so the CLI can choose its exit code (sysexits: 66 missing input, 65 bad data).
public enum LoadFailure: Error, Sendable {
    /// A file or folder the review needs does not exist or cannot be read.
    case missingInput([Diagnostic])
    /// The inputs exist but hold errors; warnings found on the way come along.
    case invalid([Diagnostic])

    public var diagnostics: [Diagnostic] {
        switch self {
        case .missingInput(let diagnostics), .invalid(let diagnostics): diagnostics
        }
    }
}

/// Stage 1 of the pipeline: reads a review's folder (config + sheet + optional excluded list) into a
/// typed, validated `Review`, reporting every problem it finds in one go.
public struct ReviewLoader: Sendable {
    /// The config's file name inside the data folder.
    public static let configFileName = "review.yaml"

    public var dataDirectory: URL
    /// How the user named the data folder (`review-data`), used to print paths they recognise.
    public var displayDirectory: String
    public var limits: LoadLimits

    public init(dataDirectory: URL, displayDirectory: String, limits: LoadLimits = .default) {
        self.dataDirectory = dataDirectory
        self.displayDirectory = displayDirectory
        self.limits = limits
    }

    public func displayPath(_ relative: String) -> String {
        displayDirectory.isEmpty || displayDirectory == "." ? relative : "\(displayDirectory)/\(relative)"
    }

    public func load() -> Result<Review, LoadFailure> {
        var inputs: [InputFile] = []
        var diagnostics: [Diagnostic] = []

        let configPath = displayPath(Self.configFileName)
        let configBytes: [UInt8]
        switch readFile(Self.configFileName) {
        case .success(let bytes): configBytes = bytes
        case .failure(let failure): return .failure(failure)
        }
        inputs.append(InputFile(path: Self.configFileName, size: configBytes.count))
        guard let configText = String(validating: configBytes, as: UTF8.self) else {
            let offset = CSVReader.firstInvalidUTF8Offset(configBytes, from: 0) ?? 0
            let (line, column) = CSVReader.lineAndColumn(of: offset, in: configBytes)
            return .failure(
                .invalid([
                    .error(
                        "the config is not valid UTF-8 (invalid byte at byte offset \(offset)); save it as UTF-8",
                        at: SourceLocation(file: configPath, line: line, column: column))
                ]))
        }
        var decoder = ConfigDecoder(file: configPath)
        let decoded = decoder.decode(configText)
        diagnostics += decoder.diagnostics
        guard var config = decoded?.0 else { return .failure(.invalid(diagnostics.sortedByLocation())) }

        // The config may raise or lower the limits for its own files.
        let limits = limits.applying(config.sheet.limits)
        if let flow = config.prisma, let file = flow.countsFile {
            switch readPrismaCSV(file, limits: limits) {
            case .success(let (csv, problems, input)):
                var merged = flow.withCounts(from: csv)
                diagnostics += problems + merged.leavingOutUnscreenedBoxes()
                diagnostics += merged.check()
                config.prisma = merged
                inputs.append(input)
            case .failure(.invalid(let more)):
                diagnostics += more
                config.prisma = nil
            case .failure(let failure):
                return .failure(failure)
            }
        }
        let step = readAndParseSheet(config.sheet, columns: config.columns, configPath: configPath)
        diagnostics += step.readWarnings
        let sheet: RawSheet
        switch step.read {
        case .success(let (raw, file)):
            sheet = raw
            inputs.append(file)
        case .failure(.invalid(let more)):
            return .failure(.invalid((diagnostics + more).sortedByLocation()))
        case .failure(.missingInput(let more)):
            // The config's own problems still come along, so one run reports them all.
            return .failure(.missingInput((diagnostics + more).sortedByLocation()))
        }

        var excluded: [ExcludedStudy] = []
        if let source = config.excluded {
            switch readExcluded(source, limits: limits, configPath: configPath, &diagnostics) {
            case .success(let (list, file)):
                excluded = list
                inputs.append(file)
            case .failure(let failure):
                if case .invalid(let more) = failure { diagnostics += more } else { return .failure(failure) }
            }
        }

        var validator = step.validator
        let table = validator.finish(step.parsed!, derived: config.derived, subsets: config.subsets)
        diagnostics += validator.diagnostics
        if let flow = config.prisma {
            diagnostics += flow.checkIncludedStudies(sheetRows: table.ids.count, sheet: sheet.displayPath)
        }
        if diagnostics.hasErrors { return .failure(.invalid(diagnostics.sortedByLocation())) }

        let review = Review(
            config: config, studyIDs: table.ids, columns: table.columns, values: table.values,
            subsets: table.subsets, excluded: excluded, inputs: inputs.sorted { $0.path < $1.path },
            configText: configText,
            warnings: diagnostics.sortedByLocation())
        return .success(review)
    }

    /// The sheet read, and parsed when it could be: what needs only the columns and the sheet's settings.
    struct SheetStep: Sendable {
        var read: Result<(RawSheet, InputFile), LoadFailure>
        /// Found while reading (a file decoded from another encoding than UTF-8).
        var readWarnings: [Diagnostic] = []
        var validator: SheetValidator
        var parsed: SheetValidator.Parsed?
    }

    func readAndParseSheet(_ source: SheetSource, columns: [ColumnSpec], configPath: String) -> SheetStep {
        let limits = limits.applying(source.limits)
        var warnings: [Diagnostic] = []
        let read = readSheet(source, limits: limits, configPath: configPath, &warnings)
        var validator = SheetValidator(
            columns: columns, source: source, configPath: configPath, limits: limits)
        let parsed = try? validator.parse(read.get().0)
        return SheetStep(read: read, readWarnings: warnings, validator: validator, parsed: parsed)
    }

    private func readSheet(
        _ source: SheetSource, limits: LoadLimits, configPath: String, _ warnings: inout [Diagnostic]
    ) -> Result<(RawSheet, InputFile), LoadFailure> {
        let bytes: [UInt8]
        switch readFile(source.file, namedBy: "sheet", limits: limits) {
        case .success(let read): bytes = read
        case .failure(let failure): return .failure(failure)
        }
        let path = displayPath(source.file)
        let file = InputFile(path: source.file, size: bytes.count)
        return read(bytes, source, path: path, limits: limits, configPath: configPath, &warnings).flatMap {
            sheet in
            guard source.headerRow != 1 || source.firstDataRow != nil else { return .success((sheet, file)) }
            guard
                let framed = sheet.framed(
                    headerRow: source.headerRow, firstDataRow: source.firstDataRow ?? source.headerRow + 1)
            else {
                return .failure(
                    .invalid([
                        .error(
                            "the sheet has no row \(source.headerRow) to name its columns ('header_row' in \(configPath))",
                            at: SourceLocation(file: path))
                    ]))
            }
            return .success((framed, file))
        }
    }

    /// The sheet's rows as its reader gives them.
    private func read(
        _ bytes: [UInt8], _ source: SheetSource, path: String, limits: LoadLimits, configPath: String,
        _ warnings: inout [Diagnostic]
    ) -> Result<RawSheet, LoadFailure> {
        do throws(DiagnosticsError) {
            if source.file.lowercased().hasSuffix(".xlsx") {
                let url = dataDirectory.appendingPathComponent(source.file)
                return .success(
                    try XLSXReader.read(url, displayPath: path, sheet: source.sheetName, limits: limits.xlsx))
            }
            let text = decode(bytes, source.encoding, path: path, configPath: configPath, &warnings)
            return .success(
                try CSVReader.read(
                    text, displayPath: path, delimiter: source.delimiter, maxCells: limits.maxCells))
        } catch {
            return .failure(.invalid(error.diagnostics))
        }
    }

    /// The counts of the PRISMA2020 CSV the config names, and what reading them found.
    private func readPrismaCSV(
        _ file: PrismaCountsFile, limits: LoadLimits
    ) -> Result<(PrismaFlow, [Diagnostic], InputFile), LoadFailure> {
        let bytes: [UInt8]
        switch readFile(file.path, namedBy: "prisma", limits: limits) {
        case .success(let read): bytes = read
        case .failure(let failure): return .failure(failure)
        }
        let (flow, diagnostics) = PrismaFlow.fromTemplateCSV(bytes, file: displayPath(file.path))
        guard let flow else { return .failure(.invalid(diagnostics)) }
        return .success((flow, diagnostics, InputFile(path: file.path, size: bytes.count)))
    }

    private func readExcluded(
        _ source: ExcludedSource, limits: LoadLimits, configPath: String, _ warnings: inout [Diagnostic]
    ) -> Result<([ExcludedStudy], InputFile), LoadFailure> {
        let bytes: [UInt8]
        switch readFile(source.file, namedBy: "excluded", limits: limits) {
        case .success(let read): bytes = read
        case .failure(let failure): return .failure(failure)
        }
        let path = displayPath(source.file)
        let sheet: RawSheet
        do {
            sheet = try CSVReader.read(
                decode(bytes, source.encoding, path: path, configPath: configPath, &warnings),
                displayPath: path, maxCells: limits.maxCells)
        } catch {
            return .failure(.invalid(error.diagnostics))
        }
        let names = sheet.header.map(\.text)
        guard let idIndex = names.firstIndex(of: source.idColumn),
            let reasonIndex = names.firstIndex(of: source.reasonColumn)
        else {
            return .failure(
                .invalid([
                    .error(
                        "the excluded list needs the columns '\(source.idColumn)' and '\(source.reasonColumn)'",
                        at: SourceLocation(file: path, line: 1))
                ]))
        }
        let studies = sheet.rows.map { row in
            let cell = { (index: Int) in index < row.count ? row[index].text : "" }
            return ExcludedStudy(
                id: cell(idIndex), reason: cell(reasonIndex),
                fields: names.indices.map { (names[$0], cell($0)) })
        }
        return .success((studies, InputFile(path: source.file, size: bytes.count)))
    }

    /// Reads a file of the data folder, refusing paths (or symlinks) that lead outside it. `section` is
    /// the config section that names the file, if any, so that a "not found" says where to fix it.
    func readFile(
        _ relative: String, namedBy section: String? = nil, limits: LoadLimits? = nil
    ) -> Result<[UInt8], LoadFailure> {
        let limits = limits ?? self.limits
        let location = SourceLocation(file: relative.hasPrefix("/") ? relative : displayPath(relative))
        let folder = LocalFiles.resolved(dataDirectory.path)
        guard LocalFiles.isFolder(dataDirectory.path) else {
            return .failure(
                .missingInput([
                    .error(
                        "the data folder does not exist (pass --data DIR, or run `scopereport init DIR` to start one)",
                        at: SourceLocation(file: displayDirectory))
                ]))
        }
        // An absolute path names no file of the data folder, whatever it resolves to.
        let resolved = LocalFiles.resolved(dataDirectory.path + "/" + relative)
        guard !relative.hasPrefix("/"), resolved.hasPrefix(folder + "/") else {
            return .failure(
                .invalid([.error("this file lies outside the data folder; refusing to read it", at: location)]
                ))
        }
        guard LocalFiles.status(resolved) != nil else {
            return .failure(
                .missingInput([.error(notFoundMessage(relative, namedBy: section), at: location)]))
        }
        // The size is checked before the file is read: a 50 GB file must not be read to be refused.
        let bytes: [UInt8]
        switch LocalFiles.readRegularFile(resolved, maxBytes: limits.maxFileBytes) {
        case .success(let read): bytes = read
        case .failure(.tooLarge(let size)):
            return .failure(
                .invalid([
                    .error(
                        "the file is \(size) bytes, above the limit of \(limits.maxFileBytes) "
                            + "(raise 'max_file_mb' under 'sheet: limits:' in \(Self.configFileName) if it is right)",
                        at: location)
                ]))
        case .failure(.notARegularFile(let kind)):
            // A FIFO would block the build for ever, and a device such as /dev/zero never ends.
            let what =
                switch section {
                case "sheet": "the sheet"
                case "excluded": "the excluded list"
                case "prisma": "the PRISMA CSV"
                default: "the config"
                }
            return .failure(
                .invalid([
                    .error("this is not a regular file (\(kind)); give \(what) as a file", at: location)
                ]))
        case .failure(.unreadable):
            return .failure(.missingInput([.error("cannot read this file", at: location)]))
        }
        return .success(bytes)
    }
}

extension ReviewLoader {
    fileprivate func notFoundMessage(_ relative: String, namedBy section: String?) -> String {
        guard let section else {
            return
                "file not found: the data folder needs a \(Self.configFileName) (`scopereport init DIR` writes an example)"
        }
        let key = section == "prisma" ? "csv" : "file"
        var message = "file not found; '\(key)' under '\(section)' in \(Self.configFileName) names it"
        let present =
            (try? FileManager.default.contentsOfDirectory(atPath: dataDirectory.path))?.sorted() ?? []
        if let suggestion = Suggestion.closest(to: relative, among: present) {
            message += "; did you mean '\(suggestion)'?"
        }
        return message
    }
}

extension ReviewLoader {
    /// A CSV file in the encoding its config names, as UTF-8. A legacy encoding that actually decodes
    /// something is a warning on every build: the file should be re-saved as UTF-8 one day, and a file
    /// that was UTF-8 all along (its accents would come out as "Ã©") must not go unnoticed.
    fileprivate func decode(
        _ bytes: [UInt8], _ encoding: TextEncoding, path: String, configPath: String,
        _ warnings: inout [Diagnostic]
    ) -> [UInt8] {
        guard encoding != .utf8, let first = bytes.firstIndex(where: { $0 >= 0x80 }) else { return bytes }
        let (line, column) = CSVReader.lineAndColumn(of: first, in: bytes)
        var message =
            "decoded from \(encoding.rawValue), as 'encoding' in \(configPath) says; save the file as "
            + "\"CSV UTF-8\" and delete that line to be rid of this warning"
        if String(validating: bytes, as: UTF8.self) != nil {
            message +=
                " (the file is valid UTF-8: if accents show as \"Ã©\" in the report, delete 'encoding')"
        }
        warnings.append(.warning(message, at: SourceLocation(file: path, line: line, column: column)))
        return encoding.utf8Bytes(bytes)
    }
}
