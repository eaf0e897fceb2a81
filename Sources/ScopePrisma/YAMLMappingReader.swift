import ScopeDiagnostics
import Yams

/// Reads one YAML mapping key by key, remembering which keys were asked for so that the rest can be
/// reported as unknown (most often a typo) with a "did you mean".
struct YAMLMappingReader {
    let file: String
    let node: Node
    /// How the mapping is named in messages, e.g. `'prisma.screening'`.
    let what: String
    private(set) var pairs: [(key: String, keyNode: Node, value: Node)] = []
    private var asked: [String] = []

    init?(_ node: Node, file: String, what: String, diagnostics: inout [Diagnostic]) {
        self.file = file
        self.node = node
        self.what = what
        guard let mapping = node.mapping else {
            diagnostics.append(
                .error("\(what) should be a mapping of keys to values", at: Self.location(of: node, in: file))
            )
            return nil
        }
        pairs = mapping.map { (key: $0.key.string ?? "", keyNode: $0.key, value: $0.value) }
    }

    static func location(of node: Node, in file: String) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column)
    }

    func location(of node: Node) -> SourceLocation { Self.location(of: node, in: file) }

    func has(_ key: String) -> Bool { pairs.contains { $0.key == key } }

    mutating func value(_ key: String) -> Node? {
        asked.append(key)
        return pairs.first { $0.key == key }?.value
    }

    /// Where the key itself is written: the line an author looks for when a box does not add up.
    func keyLocation(_ key: String) -> SourceLocation? {
        pairs.first { $0.key == key }.map { location(of: $0.keyNode) }
    }

    /// Keys that nobody asked for, each reported at its own line.
    func reportUnknownKeys(_ diagnostics: inout [Diagnostic]) {
        for pair in pairs where !asked.contains(pair.key) {
            diagnostics.append(
                .error(unknownKeyMessage(pair.key, in: what, known: asked), at: location(of: pair.keyNode)))
        }
    }
}

/// "unknown key 'x' in 'prisma'; did you mean 'y'?"
func unknownKeyMessage(_ key: String, in what: String, known: [String]) -> String {
    var message = "unknown key '\(key)' in \(what)"
    if let suggestion = Suggestion.closest(to: key, among: known) {
        message += "; did you mean '\(suggestion)'?"
    }
    return message
}
