import ScopeDiagnostics
import Yams

/// Reads a YAML mapping key by key, collecting diagnostics at the node's line and column instead of
/// stopping at the first problem, and complains about keys nobody asked for (with a "did you mean").
struct YAMLFields {
    let file: String
    let node: Node
    /// How the mapping is named in messages, e.g. `'prisma.screening'`.
    let what: String
    private(set) var pairs: [(key: String, keyNode: Node, value: Node)] = []
    private var used: Set<String> = []

    init?(_ node: Node, file: String, what: String, diagnostics: inout [Diagnostic]) {
        self.file = file
        self.node = node
        self.what = what
        guard let mapping = node.mapping else {
            diagnostics.append(
                .error("\(what) should be a mapping of keys to values", at: Self.location(node, file)))
            return nil
        }
        for (key, value) in mapping {
            pairs.append((key.string ?? "", key, value))
        }
    }

    static func location(_ node: Node, _ file: String) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column)
    }

    func location(of node: Node) -> SourceLocation { Self.location(node, file) }
    var location: SourceLocation { Self.location(node, file) }

    func has(_ key: String) -> Bool { pairs.contains { $0.key == key } }

    /// Where the key itself is written: the line an author looks for when a value is wrong.
    func keyLocation(_ key: String) -> SourceLocation? {
        pairs.first { $0.key == key }.map { location(of: $0.keyNode) }
    }

    mutating func value(_ key: String) -> Node? {
        used.insert(key)
        return pairs.first { $0.key == key }?.value
    }

    mutating func string(_ key: String, _ diagnostics: inout [Diagnostic]) -> String? {
        guard let node = value(key) else { return nil }
        guard case .scalar(let scalar) = node else {
            diagnostics.append(.error("'\(key)' should be a single text value", at: location(of: node)))
            return nil
        }
        return scalar.string
    }

    mutating func requiredString(_ key: String, in what: String, _ diagnostics: inout [Diagnostic]) -> String?
    {
        if value(key) == nil {
            diagnostics.append(.error("\(what) needs '\(key)'", at: location))
            return nil
        }
        return string(key, &diagnostics)
    }

    mutating func int(_ key: String, _ diagnostics: inout [Diagnostic]) -> Int? {
        guard let node = value(key) else { return nil }
        guard let number = node.int else {
            diagnostics.append(.error("'\(key)' should be a whole number", at: location(of: node)))
            return nil
        }
        return number
    }

    mutating func double(_ key: String, _ diagnostics: inout [Diagnostic]) -> Double? {
        guard let node = value(key) else { return nil }
        guard let number = node.float ?? node.int.map(Double.init) else {
            diagnostics.append(.error("'\(key)' should be a number", at: location(of: node)))
            return nil
        }
        return number
    }

    mutating func bool(_ key: String, _ diagnostics: inout [Diagnostic]) -> Bool? {
        guard let node = value(key) else { return nil }
        guard let flag = node.bool else {
            diagnostics.append(.error("'\(key)' should be true or false", at: location(of: node)))
            return nil
        }
        return flag
    }

    /// A list of texts; a single text is taken as a list of one.
    mutating func strings(_ key: String, _ diagnostics: inout [Diagnostic]) -> [String]? {
        guard let node = value(key) else { return nil }
        if case .scalar(let scalar) = node { return [scalar.string] }
        guard let sequence = node.sequence else {
            diagnostics.append(.error("'\(key)' should be a list", at: location(of: node)))
            return nil
        }
        var result: [String] = []
        for item in sequence {
            guard case .scalar(let scalar) = item else {
                diagnostics.append(
                    .error("each entry of '\(key)' should be a single text value", at: location(of: item)))
                continue
            }
            result.append(scalar.string)
        }
        return result
    }

    /// Keys present in the mapping that no reader asked for: most often a typo.
    func reportUnknownKeys(in what: String? = nil, _ diagnostics: inout [Diagnostic]) {
        let known = Array(used).sorted()
        for pair in pairs where !used.contains(pair.key) {
            diagnostics.append(
                .error(
                    Self.unknownKeyMessage(pair.key, in: what ?? self.what, known: known),
                    at: location(of: pair.keyNode)))
        }
    }

    /// "unknown key 'x' in 'prisma'; did you mean 'y'?", or the keys there are when none is close.
    static func unknownKeyMessage(_ key: String, in what: String, known: [String]) -> String {
        var message = "unknown key '\(key)' in \(what)"
        if let suggestion = Suggestion.closest(to: key, among: known) {
            message += "; did you mean '\(suggestion)'?"
        } else {
            message += "; the keys read here are " + known.map { "'\($0)'" }.joined(separator: ", ")
        }
        return message
    }
}
