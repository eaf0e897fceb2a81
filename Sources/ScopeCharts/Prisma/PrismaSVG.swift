import ScopeLoad

extension PrismaFlow {
    /// The PRISMA 2020 flow diagram as a standalone SVG document: accessible (role="img", `<title>`,
    /// `<desc>` listing every count), deterministic, one element per line, all text escaped. `id`
    /// prefixes every element id, so that several diagrams can be inlined in one HTML page.
    public func svg(id: String, title: String = "PRISMA 2020 flow diagram") -> String {
        PrismaSVGWriter(flow: self, id: PrismaSVGWriter.sanitized(id), title: title).document()
    }
}

/// Turns a `PrismaLayout` into SVG nodes, in the quiet look of the charts: the same font stack, dark
/// grey outlines, and Okabe–Ito tints only on the column titles and phase bands.
struct PrismaSVGWriter {
    let flow: PrismaFlow
    let id: String
    let title: String

    static let fontFamily = "\"DejaVu Sans\", Helvetica, Arial, sans-serif"

    /// Colours as presentation attributes, each also the fallback of a CSS variable a page may set.
    enum Colour {
        static let text = "#222222"
        static let line = "#333333"
        static let boxFill = "#FFFFFF"
        /// Okabe–Ito orange (#E69F00) at 20 % on white, as the template's yellow title.
        static let mainTitleFill = "#FAECCC"
        static let titleFill = "#EEEEEE"
        /// Okabe–Ito sky blue (#56B4E9) at 25 % on white, as the template's blue phase bands.
        static let phaseFill = "#D5ECF9"
    }

    func document() -> String {
        let layout = PrismaLayout(flow)
        let root = SVGNode.element(
            "svg",
            [
                SVGAttribute("xmlns", "http://www.w3.org/2000/svg"),
                SVGAttribute("width", layout.width),
                SVGAttribute("height", layout.height),
                SVGAttribute(
                    "viewBox", "0 0 \(SVGNumber.format(layout.width)) \(SVGNumber.format(layout.height))"),
                SVGAttribute("role", "img"),
                SVGAttribute("aria-labelledby", "\(id)-title \(id)-desc"),
                SVGAttribute("class", "sr-prisma"),
                SVGAttribute("font-family", Self.fontFamily),
                SVGAttribute("font-size", PrismaLayout.fontSize),
            ],
            [
                .element("title", [SVGAttribute("id", "\(id)-title")], text: title),
                .element("desc", [SVGAttribute("id", "\(id)-desc")], text: description()),
                .element("style", [], text: Self.stylesheet),
                .element(
                    "rect",
                    [
                        SVGAttribute("class", "sr-background"), SVGAttribute("x", 0), SVGAttribute("y", 0),
                        SVGAttribute("width", layout.width), SVGAttribute("height", layout.height),
                        SVGAttribute("fill", Colour.boxFill),
                    ]),
                .fragment(layout.boxes.map(boxNode)),
                .element("g", [SVGAttribute("class", "sr-prisma-arrows")], layout.arrows.map(arrowNode)),
            ])
        return root.render()
    }

    /// Every count in reading order, for screen readers and for anyone who cannot see the drawing.
    private func description() -> String {
        let counts = flow.tableRows.map { "\($0.box): \(CountFormatting.grouped($0.count))" }
        return "PRISMA 2020 flow diagram. "
            + (counts.isEmpty ? "No counts given." : counts.joined(separator: "; ") + ".")
    }

    static let stylesheet = [
        ".sr-prisma text{font-family:var(--sr-font-family, \(fontFamily));fill:var(--sr-text-color, \(Colour.text))}",
        ".sr-prisma-box{fill:var(--sr-background, \(Colour.boxFill));stroke:var(--sr-axis-color, \(Colour.line))}",
        ".sr-prisma-title{fill:var(--sr-prisma-title-fill, \(Colour.titleFill))}",
        ".sr-prisma-title-main{fill:var(--sr-prisma-main-title-fill, \(Colour.mainTitleFill))}",
        ".sr-prisma-phase{fill:var(--sr-prisma-phase-fill, \(Colour.phaseFill))}",
        ".sr-prisma-arrow{stroke:var(--sr-axis-color, \(Colour.line))}",
        ".sr-prisma-arrowhead{fill:var(--sr-axis-color, \(Colour.line))}",
    ].joined(separator: " ")

    // MARK: - Boxes

    private func boxNode(_ placed: PrismaLayout.PlacedBox) -> SVGNode {
        let (className, fill, stroke): (String, String, String?) =
            switch placed.kind {
            case .count: ("sr-prisma-box", Colour.boxFill, Colour.line)
            case .columnTitle: ("sr-prisma-title", Colour.titleFill, nil)
            case .mainColumnTitle: ("sr-prisma-title-main", Colour.mainTitleFill, nil)
            case .phase: ("sr-prisma-phase", Colour.phaseFill, nil)
            }
        var rectAttributes = [
            SVGAttribute("class", className), SVGAttribute("x", placed.frame.x),
            SVGAttribute("y", placed.frame.y),
            SVGAttribute("width", placed.frame.width), SVGAttribute("height", placed.frame.height),
            SVGAttribute("rx", 4), SVGAttribute("fill", fill),
        ]
        if let stroke { rectAttributes += [SVGAttribute("stroke", stroke), SVGAttribute("stroke-width", 1)] }
        var children: [SVGNode] = []
        if let tooltip = flow.style.tooltips[placed.box] {
            children.append(.element("title", [], text: tooltip))
        }
        children.append(.element("rect", rectAttributes))
        children += placed.lines.map(textNode)
        let group = SVGNode.element(
            "g", [SVGAttribute("id", "\(id)-\(placed.box.slug)"), SVGAttribute("class", "sr-prisma-node")],
            children)
        guard let link = flow.style.links[placed.box], PrismaLink.isAllowed(link) else { return group }
        return .element("a", [SVGAttribute("class", "sr-prisma-link"), SVGAttribute("href", link)], [group])
    }

    private func textNode(_ line: PrismaLayout.PlacedLine) -> SVGNode {
        var attributes = [SVGAttribute("x", line.x), SVGAttribute("y", line.baseline)]
        if line.centred { attributes.append(SVGAttribute("text-anchor", "middle")) }
        if line.rotated {
            attributes.append(
                SVGAttribute(
                    "transform",
                    "rotate(-90 \(SVGNumber.format(line.x)) \(SVGNumber.format(line.baseline)))"))
        }
        attributes.append(SVGAttribute("fill", Colour.text))
        // A line in one weight carries it on <text>; a mixed line sets the bold run in a <tspan>.
        if line.runs.count == 1, let run = line.runs.first {
            if run.bold { attributes.append(SVGAttribute("font-weight", "bold")) }
            return .element("text", attributes, text: run.text)
        }
        let runs = line.runs.map { run -> SVGNode in
            run.bold
                ? .element("tspan", [SVGAttribute("font-weight", "bold")], text: run.text) : .text(run.text)
        }
        return .element("text", attributes, runs)
    }

    // MARK: - Arrows

    static let arrowheadLength = 7.0
    static let arrowheadHalfWidth = 3.5

    /// The shaft stops where the head begins, so the line does not poke through the tip.
    private func arrowNode(_ arrow: PrismaLayout.Arrow) -> SVGNode {
        guard arrow.points.count >= 2 else { return .fragment([]) }
        let tip = arrow.points[arrow.points.count - 1]
        let from = arrow.points[arrow.points.count - 2]
        let dx = tip.x - from.x
        let dy = tip.y - from.y
        let length = max((dx * dx + dy * dy).squareRoot(), 0.001)
        let (ux, uy) = (dx / length, dy / length)
        let base = (x: tip.x - ux * Self.arrowheadLength, y: tip.y - uy * Self.arrowheadLength)
        let shaft = Array(arrow.points.dropLast()) + [base]
        let head = [
            tip, (base.x - uy * Self.arrowheadHalfWidth, base.y + ux * Self.arrowheadHalfWidth),
            (base.x + uy * Self.arrowheadHalfWidth, base.y - ux * Self.arrowheadHalfWidth),
        ]
        return .fragment([
            .element(
                "path",
                [
                    SVGAttribute("class", "sr-prisma-arrow"), SVGAttribute("d", Self.pathData(shaft)),
                    SVGAttribute("fill", "none"), SVGAttribute("stroke", Colour.line),
                    SVGAttribute("stroke-width", 1.2),
                ]),
            .element(
                "path",
                [
                    SVGAttribute("class", "sr-prisma-arrowhead"),
                    SVGAttribute("d", Self.pathData(head) + " Z"),
                    SVGAttribute("fill", Colour.line),
                ]),
        ])
    }

    private static func pathData(_ points: [(x: Double, y: Double)]) -> String {
        points.enumerated().map { index, point in
            "\(index == 0 ? "M" : "L")\(SVGNumber.format(point.x)) \(SVGNumber.format(point.y))"
        }.joined(separator: " ")
    }

    /// Ids stay valid XML names and CSS identifiers whatever the caller passes.
    static func sanitized(_ id: String) -> String {
        let safe = String(
            String.UnicodeScalarView(
                id.unicodeScalars.map { scalar in
                    scalar.isASCII
                        && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-")
                        || scalar == "_" ? scalar : "_"
                }))
        guard let first = safe.unicodeScalars.first, first.properties.isAlphabetic else {
            return "prisma-" + safe
        }
        return safe
    }
}
