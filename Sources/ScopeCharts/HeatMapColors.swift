import Foundation

/// A sequential single-hue blue scale (ColorBrewer "Blues", readable with colour-vision deficiencies
/// and in greyscale) and the text colour that contrasts best with each fill.
enum HeatMapColors {
    /// Stops from the lightest shade used for the smallest non-zero count to the darkest.
    private static let stops: [(r: Double, g: Double, b: Double)] = [
        (222, 235, 247), (198, 219, 239), (158, 202, 225), (107, 174, 214), (66, 146, 198), (33, 113, 181),
        (8, 81, 156), (8, 48, 107),
    ]

    /// Fill for `fraction` in [0, 1] of the largest count, as `#RRGGBB`.
    static func fill(_ fraction: Double) -> String {
        let t = min(max(fraction.isFinite ? fraction : 0, 0), 1) * Double(stops.count - 1)
        let index = min(Int(t), stops.count - 2)
        let local = t - Double(index)
        let a = stops[index]
        let b = stops[index + 1]
        let channels = [a.r + (b.r - a.r) * local, a.g + (b.g - a.g) * local, a.b + (b.b - a.b) * local]
        return "#" + channels.map { hexByte(Int($0.rounded())) }.joined()
    }

    /// Two upper-case hex digits: 10 → "0A".
    private static func hexByte(_ value: Int) -> String {
        let digits = String(min(max(value, 0), 255), radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }

    /// Black or white, whichever has the higher WCAG contrast ratio against `hex` (`#RRGGBB`).
    static func text(on hex: String) -> String {
        let luminance = relativeLuminance(hex)
        let contrastWithBlack = (luminance + 0.05) / 0.05
        let contrastWithWhite = 1.05 / (luminance + 0.05)
        return contrastWithBlack >= contrastWithWhite ? "#000000" : "#FFFFFF"
    }

    static func relativeLuminance(_ hex: String) -> Double {
        let digits = Array(hex.dropFirst())
        guard digits.count == 6 else { return 1 }
        let channels = stride(from: 0, to: 6, by: 2).map { offset -> Double in
            let value = Double(Int(String(digits[offset...offset + 1]), radix: 16) ?? 255) / 255
            return value <= 0.040_45 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    }
}
