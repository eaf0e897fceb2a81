// The outer <svg> every chart shares: accessible name and description, stylesheet, background, and
// the "No data" rendering for empty input.

/// The caller-supplied identity of one chart; `id` prefixes every element id in the SVG so that
/// several charts can be inlined in one HTML page.
struct ChartIdentity: Sendable {
    let id: String
    let title: String
    let description: String

    init(id: String, title: String, description: String) {
        self.id = ChartIdentity.sanitized(id)
        self.title = title
        self.description = description
    }

    func elementID(_ suffix: String) -> String {
        "\(id)-\(suffix)"
    }

    /// Keeps ids valid XML names and CSS identifiers whatever the caller passes.
    private static func sanitized(_ id: String) -> String {
        let allowed = id.unicodeScalars.map { scalar -> String in
            let isAllowed =
                ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "-" || scalar == "_"
            return isAllowed ? String(scalar) : "_"
        }.joined()
        guard let first = allowed.unicodeScalars.first,
            ("a"..."z").contains(first) || ("A"..."Z").contains(first)
        else { return "chart-" + allowed }
        return allowed
    }
}

enum ChartDocument {
    /// A complete standalone SVG document around `body`.
    static func render(
        _ identity: ChartIdentity, kind: String, width: Double, height: Double, fontSize: Double,
        body: [SVGNode]
    ) -> String {
        let root = SVGNode.element(
            "svg",
            [
                SVGAttribute("xmlns", "http://www.w3.org/2000/svg"),
                SVGAttribute("width", width),
                SVGAttribute("height", height),
                SVGAttribute("viewBox", "0 0 \(SVGNumber.format(width)) \(SVGNumber.format(height))"),
                SVGAttribute("role", "img"),
                SVGAttribute(
                    "aria-labelledby", "\(identity.elementID("title")) \(identity.elementID("desc"))"),
                SVGAttribute("class", "sr-chart sr-\(kind)"),
                SVGAttribute("font-family", ChartCSS.fontFamily),
                SVGAttribute("font-size", fontSize),
            ],
            [
                .element("title", [SVGAttribute("id", identity.elementID("title"))], text: identity.title),
                .element(
                    "desc", [SVGAttribute("id", identity.elementID("desc"))], text: identity.description),
                .element("style", [], text: ChartCSS.stylesheet()),
                .element(
                    "rect",
                    [
                        SVGAttribute("class", "sr-background"), SVGAttribute("x", 0), SVGAttribute("y", 0),
                        SVGAttribute("width", width), SVGAttribute("height", height),
                        SVGAttribute("fill", Palette.background),
                    ]),
                .fragment(body),
            ])
        return root.render()
    }

    /// The chart for empty input: same frame and accessible text, a centred "No data" message.
    static func renderNoData(_ identity: ChartIdentity, kind: String, style: ChartStyle) -> String {
        let height = style.height ?? 240
        let message = Draw.text(
            "No data", x: style.width / 2, y: height / 2 + style.fontSize * 0.35, className: "sr-no-data",
            fill: Palette.mutedText, anchor: .middle)
        return render(
            identity, kind: kind, width: style.width, height: height, fontSize: style.fontSize,
            body: [message])
    }
}
