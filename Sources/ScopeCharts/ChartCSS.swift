// The embedded stylesheet: every rule reads a CSS variable whose fallback equals the presentation
// attribute on the element, so restyling is opt-in and renderers without CSS variables (librsvg 2.54)
// still draw the same colours from the attributes.

enum ChartCSS {
    static let fontFamily = "\"DejaVu Sans\", Helvetica, Arial, sans-serif"

    static func stylesheet() -> String {
        var rules = [
            "text{font-family:var(--sr-font-family, \(fontFamily))}",
            ".sr-background{fill:var(--sr-background, \(Palette.background))}",
            ".sr-grid{stroke:var(--sr-grid-color, \(Palette.grid))}",
            // Only the axis lines: `sr-axis` also names the groups of tick and category labels, and text
            // inheriting a stroke from them is drawn outlined (bold and blurred) by browsers.
            "line.sr-axis{stroke:var(--sr-axis-color, \(Palette.axis))}",
            ".sr-label,.sr-tick-label,.sr-axis-title,.sr-legend-label,.sr-value-label,.sr-panel-title"
                + "{fill:var(--sr-text-color, \(Palette.text))}",
            ".sr-annotation,.sr-note,.sr-no-data{fill:var(--sr-muted-text-color, \(Palette.mutedText))}",
            ".sr-bar,.sr-point,.sr-box{fill:var(--sr-accent, \(Palette.accent))}",
            ".sr-box-line{stroke:var(--sr-axis-color, \(Palette.axis))}",
            ".sr-fit-line{stroke:var(--sr-fit-color, \(Palette.fit))}",
            ".sr-fit-band{fill:var(--sr-fit-color, \(Palette.fit))}",
        ]
        for (index, color) in Palette.series.enumerated() {
            rules.append(".sr-series-\(index + 1){fill:var(--sr-color-\(index + 1), \(color))}")
        }
        return rules.joined(separator: " ")
    }
}
