// Small constructors for the SVG shapes charts draw. Every shape gets its CSS class (for restyling)
// and the equivalent presentation attributes (for renderers without CSS variables).

enum TextAnchor: String {
    case start, middle, end
}

enum Draw {
    /// A single-line text. `fullText`, when different from `string`, goes into a `<title>` child so a
    /// shortened label still carries its whole text (tooltip, screen readers).
    static func text(
        _ string: String, x: Double, y: Double, className: String, fill: String = Palette.text,
        anchor: TextAnchor = .start, fontSize: Double? = nil, bold: Bool = false, rotation: Double = 0,
        fullText: String? = nil
    ) -> SVGNode {
        multilineText(
            [string], x: x, y: y, className: className, fill: fill, anchor: anchor, fontSize: fontSize,
            bold: bold, rotation: rotation, fullText: fullText)
    }

    /// Lines stacked downwards from baseline `y`, each `lineHeight` apart. Several lines become separate
    /// `<text>` elements in a `<g>` (renderers disagree on how `<tspan>` lines align with `text-anchor`).
    static func multilineText(
        _ lines: [String], x: Double, y: Double, className: String, fill: String = Palette.text,
        anchor: TextAnchor = .start, fontSize: Double? = nil, bold: Bool = false, rotation: Double = 0,
        lineHeight: Double = 0, fullText: String? = nil
    ) -> SVGNode {
        let shown = lines.joined(separator: " ")
        let title: [SVGNode] = fullText.map { $0 != shown ? [.element("title", [], text: $0)] : [] } ?? []
        func textElement(_ line: String, y: Double, children: [SVGNode]) -> SVGNode {
            var attributes = [SVGAttribute("class", className), SVGAttribute("x", x), SVGAttribute("y", y)]
            if anchor != .start { attributes.append(SVGAttribute("text-anchor", anchor.rawValue)) }
            if let fontSize { attributes.append(SVGAttribute("font-size", fontSize)) }
            if bold { attributes.append(SVGAttribute("font-weight", "bold")) }
            attributes.append(SVGAttribute("fill", fill))
            if rotation != 0 {
                attributes.append(
                    SVGAttribute(
                        "transform",
                        "rotate(\(SVGNumber.format(rotation)) \(SVGNumber.format(x)) \(SVGNumber.format(y)))")
                )
            }
            return .element("text", attributes, children + [.text(line)])
        }
        if lines.count == 1 { return textElement(lines[0], y: y, children: title) }
        let texts = lines.enumerated().map { index, line in
            textElement(line, y: y + Double(index) * lineHeight, children: [])
        }
        return .element("g", [SVGAttribute("class", "sr-multiline")], title + texts)
    }

    static func rect(
        x: Double, y: Double, width: Double, height: Double, className: String, fill: String,
        title: String? = nil, extra: [SVGAttribute] = []
    ) -> SVGNode {
        let attributes =
            [
                SVGAttribute("class", className), SVGAttribute("x", x), SVGAttribute("y", y),
                SVGAttribute("width", max(0, width)), SVGAttribute("height", max(0, height)),
                SVGAttribute("fill", fill),
            ] + extra
        return .element("rect", attributes, title.map { [.element("title", [], text: $0)] } ?? [])
    }

    static func line(
        x1: Double, y1: Double, x2: Double, y2: Double, className: String, stroke: String, width: Double = 1
    ) -> SVGNode {
        .element(
            "line",
            [
                SVGAttribute("class", className), SVGAttribute("x1", x1), SVGAttribute("y1", y1),
                SVGAttribute("x2", x2), SVGAttribute("y2", y2), SVGAttribute("stroke", stroke),
                SVGAttribute("stroke-width", width),
            ])
    }

    static func circle(
        cx: Double, cy: Double, radius: Double, className: String, fill: String, opacity: Double,
        title: String? = nil
    ) -> SVGNode {
        .element(
            "circle",
            [
                SVGAttribute("class", className), SVGAttribute("cx", cx), SVGAttribute("cy", cy),
                SVGAttribute("r", radius), SVGAttribute("fill", fill), SVGAttribute("fill-opacity", opacity),
            ],
            title.map { [.element("title", [], text: $0)] } ?? [])
    }

    /// `M x y L x y …` through the points (no close).
    static func pathData(_ points: [(x: Double, y: Double)], closed: Bool = false) -> String {
        let commands = points.enumerated().map { index, point in
            "\(index == 0 ? "M" : "L")\(SVGNumber.format(point.x)) \(SVGNumber.format(point.y))"
        }
        return commands.joined(separator: " ") + (closed ? " Z" : "")
    }
}
