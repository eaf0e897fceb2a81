import Foundation
import ScopeDiagnostics
import ScopeSystem

/// `manifest.json`: the tool's version and the SHA-256 of every input and output file, so a reader can
/// tell exactly what a report was built from, and a rebuild can tell that nothing changed.
public struct Manifest: Codable, Sendable, Equatable {
    public var tool: String
    public var version: String
    /// Input path (`data/studies.csv`, `templates/report.md`) → SHA-256.
    public var inputs: [String: String]
    /// Output path (`index.html`, `figures/x.svg`) → SHA-256; the manifest itself is not listed.
    public var outputs: [String: String]

    /// The `tool` of every manifest this program writes: a folder whose manifest names another tool
    /// is not a report to replace.
    public static let toolName = "scopereport"

    public init(
        tool: String = toolName, version: String, inputs: [String: String], outputs: [String: String]
    ) {
        self.tool = tool
        self.version = version
        self.inputs = inputs
        self.outputs = outputs
    }

    /// Sorted keys, two-space indent, one entry per line: stable bytes for `git diff`. The layout is
    /// JSONEncoder's pretty-printed one (`"key" : value`), written by hand: the encoder's key order is
    /// not a documented promise.
    public func encoded() -> [UInt8] {
        var json = "{\n"
        json += "  \"inputs\" : " + Self.object(inputs) + ",\n"
        json += "  \"outputs\" : " + Self.object(outputs) + ",\n"
        json += "  \"tool\" : " + JSONText.string(tool) + ",\n"
        json += "  \"version\" : " + JSONText.string(version) + "\n"
        json += "}\n"
        return Array(json.utf8)
    }

    /// A path → hash object, keys in byte order, nested one level (four-space entries).
    private static func object(_ entries: [String: String]) -> String {
        guard !entries.isEmpty else { return "{\n\n  }" }
        let keys = entries.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let lines = keys.map { "    " + JSONText.string($0) + " : " + JSONText.string(entries[$0]!) }
        return "{\n" + lines.joined(separator: ",\n") + "\n  }"
    }

    public static func decode(_ bytes: [UInt8]) -> Manifest? {
        try? JSONDecoder().decode(Manifest.self, from: Data(bytes))
    }

    /// The hash of everything that determines the output: the tool version and every input.
    public var inputsFingerprint: String {
        var text = "\(tool) \(version)\n"
        for key in inputs.keys.sorted() { text += "\(key) \(inputs[key]!)\n" }
        return SHA256.hex(Array(text.utf8))
    }
}
