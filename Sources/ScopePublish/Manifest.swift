import Foundation

/// `manifest.json`: the tool's version and the SHA-256 of every input and output file, so a reader can
/// tell exactly what a report was built from, and a rebuild can tell that nothing changed.
public struct Manifest: Codable, Sendable, Equatable {
    public var tool: String
    public var version: String
    /// Input path (`data/studies.csv`, `templates/report.md`) → SHA-256.
    public var inputs: [String: String]
    /// Output path (`index.html`, `figures/x.svg`) → SHA-256; the manifest itself is not listed.
    public var outputs: [String: String]

    public init(
        tool: String = "scopereport", version: String, inputs: [String: String], outputs: [String: String]
    ) {
        self.tool = tool
        self.version = version
        self.inputs = inputs
        self.outputs = outputs
    }

    /// Sorted keys, two-space indent, one entry per line: stable bytes for `git diff`.
    public func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data()
        return Array(data) + [UInt8(ascii: "\n")]
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
