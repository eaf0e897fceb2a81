import Foundation

/// The parts of a built report folder that carry data: `results.json`, `studies.json`,
/// `tables/*.csv` and `figures/*.svg`. Prose (report.md, index.html) is not compared: it follows
/// from these and the templates; nor is tables.docx, which holds the same tables as the CSV files.
public struct ReportFolder: Sendable {
    /// Result key → value, as in `results.json`.
    public var results: [String: JSONScalar]
    /// Study id → column → cell text (nil for a blank cell).
    public var studies: [String: [String: String?]]
    /// Table name (file name without `.csv`) → rows, the header first.
    public var tables: [String: [[String]]]
    /// Figure file name (`modalities.svg`) → bytes.
    public var figures: [String: Data]

    public init(contentsOf folder: URL) throws {
        results = try Self.decode([String: JSONScalar].self, folder.appendingPathComponent("results.json"))
        studies = try Self.decode(
            [String: [String: String?]].self, folder.appendingPathComponent("studies.json"))
        tables = [:]
        for file in Self.files(in: folder.appendingPathComponent("tables"), withExtension: "csv") {
            let bytes = try Self.read(file)
            tables[file.deletingPathExtension().lastPathComponent] = CSVTable.rows(
                String(decoding: bytes, as: UTF8.self))
        }
        figures = [:]
        for file in Self.files(in: folder.appendingPathComponent("figures"), withExtension: "svg") {
            figures[file.lastPathComponent] = try Self.read(file)
        }
    }

    private static func decode<Value: Decodable>(_ type: Value.Type, _ file: URL) throws -> Value {
        let bytes = try read(file)
        do {
            return try JSONDecoder().decode(type, from: bytes)
        } catch {
            throw DiffTrouble("\(file.path): not the JSON a report folder holds (\(error))")
        }
    }

    private static func read(_ file: URL) throws -> Data {
        guard let bytes = FileManager.default.contents(atPath: file.path) else {
            throw DiffTrouble("\(file.path): cannot read this file")
        }
        return bytes
    }

    /// A missing `tables/` or `figures/` folder is a report without tables or figures, not an error.
    private static func files(in folder: URL, withExtension fileExtension: String) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix("." + fileExtension) }.sorted().map {
            folder.appendingPathComponent($0)
        }
    }
}
