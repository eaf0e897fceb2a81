import ScopeRender

/// A small context with one value of each kind, text that Markdown would otherwise read as markup,
/// and partials (one that includes itself) so that sections, lists, escaping and the nesting limit are
/// all reachable from the input. Made afresh for every input rather than held in a global: Swift packs
/// enum cases into a pointer's spare bits, so LeakSanitizer cannot see that a global still holds them
/// and would report the context as leaked.
func fixedContext() -> TemplateContext {
    TemplateContext([
        "title": .text("Machine *learning* <script>alert(1)</script> [x](javascript:y)"),
        "count": .text("40"),
        "table": .markdown("| a | b |\n|---|---|\n| 1 | 2 |\n"),
        "has_claims": .flag(true),
        "empty": .list([]),
        "studies": .list([
            TemplateContext(["id": .text("Smith2020"), "year": .text("2020"), "open": .flag(false)]),
            TemplateContext(["id": .text("Lee_2021\\"), "year": .text("2021"), "open": .flag(true)]),
        ]),
    ])
}

let partials = [
    "partials/methods.md": "Methods of {{title}}: {{#studies}}{{id}} {{/studies}}\n",
    "partials/self.md": "again {{> self}}",
    "partials/nested/deep.md": "{{> methods}}{{count}}",
]

/// libFuzzer's entry point: the input is report.md. Diagnostics are the renderer's answer to a bad
/// template; only a crash, a trap or a sanitizer report is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplateRenderer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var templates = partials
    templates["report.md"] = text
    var renderer = TemplateRenderer(templates: templates, displayDirectory: "templates")
    // Nested sections over the two-item list double the work at each level; the limit that stops them is
    // lowered from its 100 million so that reaching it takes a millisecond rather than minutes.
    renderer.maxRepetitions = 100
    if case .failure(let error) = renderer.render("report.md", context: fixedContext()) {
        precondition(!error.diagnostics.isEmpty, "a failed render without a diagnostic")
    }
    return 0
}
