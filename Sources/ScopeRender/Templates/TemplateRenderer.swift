import ScopeDiagnostics
import ScopeLoad

/// Renders a folder's templates against a context. Every placeholder must name a known value: an
/// unknown one is an error at its file, line and column (with a "did you mean"), never an empty string.
public struct TemplateRenderer: Sendable {
    /// Template name (path inside the templates folder, e.g. `report.md`, `partials/methods.md`) → text.
    public var templates: [String: String]
    /// How the user named the templates folder, for diagnostics.
    public var displayDirectory: String

    public init(templates: [String: String], displayDirectory: String) {
        self.templates = templates
        self.displayDirectory = displayDirectory
    }

    /// Partials nest; a cycle (a includes b includes a) is stopped at this depth with an error.
    static let maxPartialDepth = 16

    /// How many times one section's body may be repeated, counting the repetitions of the sections
    /// around it: `{{#studies}}` inside `{{#studies}}` repeats its body studies² times, and twenty such
    /// sections over two items each, 2²⁰ times — a template that never finishes. A reference list over
    /// a million studies, each with a multi-category loop of a few dozen values, stays below.
    public var maxRepetitions = 100_000_000

    /// How many partials one render may include in all. Partials that each include the next ten times
    /// stay within `maxPartialDepth` yet would never finish (fifteen levels: 10¹⁵ includes), so each
    /// include is checked with the number it would bring, counted before the render.
    public var maxIncludes = 1_000_000

    /// Unknown placeholders beyond this many are reported without a "did you mean": each suggestion
    /// compares the name with every known one, and thousands of misspellings would take minutes.
    static let maxSuggestions = 100

    public func render(_ name: String, context: TemplateContext) -> Result<String, DiagnosticsError> {
        render(name, context: context, parsed: parseReachable(from: name))
    }

    /// The same, with templates already parsed by `parseReachable` (a render that reaches one adds
    /// its parse errors, as if it had parsed it itself).
    func render(
        _ name: String, context: TemplateContext, parsed: [String: ParsedTemplate]
    ) -> Result<
        String, DiagnosticsError
    > {
        var state = State(parsed: parsed, includesBrought: Self.includesBrought(parsed))
        var output = ""
        render(
            template: name, contexts: [context], depth: 0, repetitions: 1, into: &output, state: &state,
            from: nil)
        let diagnostics = state.diagnostics.sortedByLocation()
        return diagnostics.hasErrors ? .failure(DiagnosticsError(diagnostics)) : .success(output)
    }

    struct ParsedTemplate: Sendable {
        var nodes: [TemplateNode]
        var diagnostics: [Diagnostic]
    }

    /// `name` and every partial it includes, directly or not, parsed once: the templates a render of
    /// `name` can reach.
    func parseReachable(from name: String) -> [String: ParsedTemplate] {
        var parsed: [String: ParsedTemplate] = [:]
        var pending = [name]
        while let next = pending.popLast() {
            guard parsed[next] == nil, let text = templates[next] else { continue }
            var parser = TemplateParser(file: path(next))
            let nodes = parser.parse(text)
            parsed[next] = ParsedTemplate(nodes: nodes, diagnostics: parser.diagnostics)
            Self.visit(nodes) { node in
                if case .partial(let partial, _) = node, Self.isSafePartialName(partial) {
                    pending.append("partials/\(partial).md")
                }
            }
        }
        return parsed
    }

    /// Every name a placeholder or section of `parsed` uses: a superset of the names its render looks up.
    static func referencedNames(in parsed: [String: ParsedTemplate]) -> Set<String> {
        var names: Set<String> = []
        for template in parsed.values {
            visit(template.nodes) { node in
                switch node {
                case .value(let name, _), .section(let name, _, _, _): names.insert(name)
                case .text, .partial: break
                }
            }
        }
        return names
    }

    private static func visit(_ nodes: [TemplateNode], _ body: (TemplateNode) -> Void) {
        for node in nodes {
            body(node)
            if case .section(_, _, let children, _) = node { visit(children, body) }
        }
    }

    /// How many includes one render of each template makes, directly or through its partials, whatever
    /// the sections around them (at most `Int.max / 2`: the count of a runaway template does not overflow).
    static func includesBrought(_ parsed: [String: ParsedTemplate]) -> [String: Int] {
        var counts: [String: Int] = [:]
        func count(_ name: String, depth: Int) -> Int {
            if let known = counts[name] { return known }
            // A cycle is the depth limit's error; its count stops there.
            guard depth <= maxPartialDepth, let template = parsed[name] else { return 0 }
            var total = 0
            visit(template.nodes) { node in
                guard case .partial(let partial, _) = node, isSafePartialName(partial) else { return }
                total = min(Int.max / 2, total + 1 + count("partials/\(partial).md", depth: depth + 1))
            }
            counts[name] = total
            return total
        }
        for name in parsed.keys { _ = count(name, depth: 0) }
        return counts
    }

    private struct State {
        var parsed: [String: ParsedTemplate]
        var includesBrought: [String: Int]
        /// Templates whose parse errors have been reported.
        var reportedParses: Set<String> = []
        var diagnostics: [Diagnostic] = []
        var reported: Set<String> = []
        var includes = 0
        var suggestions = 0
        var unknownPlaces: Set<String> = []
        /// Set when a limit ends the render: nothing more is rendered or reported.
        var stopped = false
    }

    private func path(_ name: String) -> String {
        displayDirectory.isEmpty ? name : "\(displayDirectory)/\(name)"
    }

    private func render(
        template name: String, contexts: [TemplateContext], depth: Int, repetitions: Int,
        into output: inout String, state: inout State, from location: SourceLocation?
    ) {
        guard depth <= Self.maxPartialDepth else {
            state.diagnostics.append(
                .error(
                    "partials nest deeper than \(Self.maxPartialDepth) levels (a partial includes itself?)",
                    at: location ?? SourceLocation(file: path(name))))
            return
        }
        guard let template = state.parsed[name] else {
            state.diagnostics.append(
                .error(
                    "no template named '\(name)' in \(displayDirectory)/",
                    at: location ?? SourceLocation(file: path(name))))
            return
        }
        if state.reportedParses.insert(name).inserted { state.diagnostics += template.diagnostics }
        render(
            template.nodes, contexts: contexts, depth: depth, repetitions: repetitions, into: &output,
            state: &state)
    }

    /// `repetitions`: how many times these nodes are rendered in all, as the product of the lengths of
    /// the lists of the sections around them.
    private func render(
        _ nodes: [TemplateNode], contexts: [TemplateContext], depth: Int, repetitions: Int,
        into output: inout String, state: inout State
    ) {
        for node in nodes {
            guard !state.stopped else { return }
            switch node {
            case .text(let text):
                output += text
            case .value(let name, let location):
                switch lookup(name, in: contexts) {
                case .text(let text)?: output += MarkdownText.escape(text)
                case .markdown(let markdown)?: output += markdown
                case .flag(let flag)?: output += flag ? "yes" : "no"
                case .list?:
                    report(
                        .error("{{\(name)}} is a list; use {{#\(name)}}…{{/\(name)}}", at: location), &state)
                case nil: reportUnknown(name, at: location, contexts: contexts, &state)
                }
            case .section(let name, let inverted, let body, let location):
                guard let value = lookup(name, in: contexts) else {
                    reportUnknown(name, at: location, contexts: contexts, &state)
                    // Still check the body's placeholders against the outer names.
                    var discard = ""
                    render(
                        body, contexts: contexts, depth: depth, repetitions: repetitions, into: &discard,
                        state: &state)
                    continue
                }
                switch value {
                case .list(let items):
                    if inverted {
                        if items.isEmpty {
                            render(
                                body, contexts: contexts, depth: depth, repetitions: repetitions,
                                into: &output,
                                state: &state)
                        }
                    } else {
                        guard items.isEmpty || repetitions <= maxRepetitions / items.count else {
                            stop(
                                .error(
                                    "{{#\(name)}} would repeat its body more than \(maxRepetitions) times, counting "
                                        + "the sections around it; sections over long lists are nested too deep",
                                    at: location), &state)
                            continue
                        }
                        for item in items {
                            render(
                                body, contexts: contexts + [item], depth: depth,
                                repetitions: repetitions * items.count, into: &output, state: &state)
                        }
                    }
                case .flag(let flag):
                    if flag != inverted {
                        render(
                            body, contexts: contexts, depth: depth, repetitions: repetitions, into: &output,
                            state: &state)
                    }
                case .text(let text), .markdown(let text):
                    if text.isEmpty == inverted {
                        render(
                            body, contexts: contexts, depth: depth, repetitions: repetitions, into: &output,
                            state: &state)
                    }
                }
            case .partial(let name, let location):
                guard Self.isSafePartialName(name) else {
                    report(
                        .error(
                            "partial '\(name)' must be a name inside the templates folder (letters, digits, -, _, /; "
                                + "no '..' and no absolute path)", at: location), &state)
                    continue
                }
                let template = "partials/\(name).md"
                let brought = 1 + (state.includesBrought[template] ?? 0)
                guard brought <= maxIncludes - state.includes else {
                    stop(
                        .error(
                            "{{> \(name)}} would make the render include partials more than \(maxIncludes) times; "
                                + "partials that include each other many times over would never finish",
                            at: location), &state)
                    continue
                }
                state.includes += 1
                render(
                    template: template, contexts: contexts, depth: depth + 1,
                    repetitions: repetitions, into: &output, state: &state, from: location)
            }
        }
    }

    /// `{{> methods}}` reads `partials/methods.md`; nothing may climb out of the templates folder.
    static func isSafePartialName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix("/") && !name.split(separator: "/").contains("..")
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_/".contains($0)) }
    }

    private func lookup(_ name: String, in contexts: [TemplateContext]) -> TemplateValue? {
        for context in contexts.reversed() {
            if let value = context[name] { return value }
        }
        return nil
    }

    /// Once per place, however often a section repeats it.
    private func reportUnknown(
        _ name: String, at location: SourceLocation, contexts: [TemplateContext], _ state: inout State
    ) {
        guard state.unknownPlaces.insert(location.description).inserted else { return }
        var message = "unknown placeholder {{\(name)}}"
        guard state.suggestions < Self.maxSuggestions else {
            return report(.error(message, at: location), &state)
        }
        state.suggestions += 1
        let names = contexts.flatMap(\.values.keys)
        if let suggestion = Suggestion.closest(to: name, among: names) {
            message += "; did you mean {{\(suggestion)}}?"
        } else if let kin = Self.kin(of: name, among: names) {
            message += "; \(kin)"
        } else {
            message += " (`scopereport placeholders` lists every name)"
        }
        report(.error(message, at: location), &state)
    }

    /// Each place is reported once, even when a section repeats it for every item.
    private func report(_ diagnostic: Diagnostic, _ state: inout State) {
        if state.reported.insert(diagnostic.description).inserted { state.diagnostics.append(diagnostic) }
    }

    /// The names beside `name` when no name is a typo away: `{{figures.prism}}` is told the figures
    /// there are, `{{tables.studies.nmber}}` what a table has (before the first build there is no
    /// results.json to look them up in).
    static func kin(of name: String, among names: [String]) -> String? {
        guard let dot = name.lastIndex(of: ".") else { return nil }
        let prefix = name[...dot]
        let siblings = Set(
            names.filter { $0.hasPrefix(prefix) }.map { name in
                let rest = name.dropFirst(prefix.count)
                return prefix + (rest.firstIndex(of: ".").map { rest[..<$0] } ?? rest)
            }
        ).sorted()
        guard !siblings.isEmpty else { return kin(of: String(name[..<dot]), among: names) }
        let shown = siblings.prefix(8).map { "{{\($0)}}" }.joined(separator: ", ")
        return "the names there are " + shown + (siblings.count > 8 ? ", … (\(siblings.count) in all)" : "")
    }

    /// Reports a limit's error and ends the render.
    private func stop(_ diagnostic: Diagnostic, _ state: inout State) {
        report(diagnostic, &state)
        state.stopped = true
    }
}
