// Size and type size shared by every chart, plus the colours they fall back on.

/// Outer size and base type size of a chart. The SVG carries a `viewBox`, so it scales to any display
/// width; the defaults keep text ≥ 9 px when a 640-px-wide chart is printed at one journal column
/// (8.5 cm ≈ 320 px).
public struct ChartStyle: Sendable, Equatable {
    /// Width in px (the viewBox width).
    public var width: Double
    /// Height in px; nil lets charts whose height depends on their rows (horizontal bars, box plots,
    /// heat maps, small multiples) size themselves, and gives 400 px to the others.
    public var height: Double?
    /// Size of every label, tick label, legend entry and annotation, in px.
    public var fontSize: Double

    public init(width: Double = 640, height: Double? = nil, fontSize: Double = 18) {
        self.width = width
        self.height = height
        self.fontSize = fontSize
    }
}

/// The Okabe–Ito palette (distinguishable with the common colour-vision deficiencies), ordered so that
/// the low-contrast yellow and black come last. Charts write each colour as a presentation attribute
/// and as a CSS variable fallback, `var(--sr-color-N, …)`, so a page can restyle them.
enum Palette {
    static let series = [
        "#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7", "#F0E442", "#000000",
    ]
    /// Single-series marks (bars, points, boxes).
    static let accent = "#0072B2"
    /// Fitted lines and their confidence bands.
    static let fit = "#D55E00"
    static let text = "#222222"
    static let mutedText = "#555555"
    static let axis = "#333333"
    static let grid = "#E5E5E5"
    static let background = "#FFFFFF"

    /// Colour of series `index` (0-based); more series than colours reuse the palette.
    static func color(ofSeries index: Int) -> String {
        series[index % series.count]
    }
}
