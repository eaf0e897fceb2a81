import Foundation

/// How a numeric axis maps values to positions.
public enum AxisScale: Sendable, Equatable {
    case linear
    /// Base-10 logarithmic; only values > 0 can be shown.
    case log10
}

/// Tick positions with steps of 1, 2 or 5 × 10ⁿ, covering the data.
enum NiceTicks {
    /// Ticks spanning [min, max] with about `targetCount` ticks; the first tick ≤ min, the last ≥ max.
    /// `integerOnly` keeps the step ≥ 1 (counts never get a 0.5 tick).
    static func linear(min: Double, max: Double, targetCount: Int, integerOnly: Bool = false) -> [Double] {
        var low = min
        var high = max
        if !(low.isFinite && high.isFinite) { return [0, 1] }
        if low > high { swap(&low, &high) }
        if low == high {
            // A single value: open a unit interval around it (or [0, 1] at zero).
            let pad = low == 0 ? 1 : Swift.abs(low) * 0.1
            low -= low == 0 ? 0 : pad
            high += pad
        }
        // Halved first: the span of values near ±1.8e308 overflows to infinity.
        let halfSpan = high / 2 - low / 2
        let rawStep = halfSpan / Double(Swift.max(1, targetCount - 1)) * 2
        let step = niceStep(
            rawStep: rawStep.isFinite ? rawStep : .greatestFiniteMagnitude, integerOnly: integerOnly)
        guard step.isFinite else { return [low, high] }
        let first = (low / step).rounded(.down)
        let last = (high / step).rounded(.up)
        // A step too small for the span (precision lost at the ends of the range) would make millions of
        // ticks, and a tick past the largest double is infinite: the data's own ends are shown instead.
        guard last - first <= 1000,
            case let ticks = (0...Int(last - first)).map({ clean((first + Double($0)) * step, step: step) }),
            ticks.allSatisfy(\.isFinite)
        else { return [low, high] }
        return ticks
    }

    /// The smallest of 1, 2, 5 × 10ⁿ that is ≥ `rawStep`.
    static func niceStep(rawStep: Double, integerOnly: Bool) -> Double {
        guard rawStep > 0, rawStep.isFinite else { return 1 }
        let magnitude = pow(10, (Foundation.log10(rawStep)).rounded(.down))
        let fraction = rawStep / magnitude
        let nice: Double
        if fraction <= 1.000_000_1 {
            nice = 1
        } else if fraction <= 2.000_000_1 {
            nice = 2
        } else if fraction <= 5.000_000_1 {
            nice = 5
        } else {
            nice = 10
        }
        let step = nice * magnitude
        return integerOnly ? Swift.max(1, step) : step
    }

    /// Ticks for a log10 axis over [min, max] (both > 0): the powers of ten that bracket the data, with
    /// 2 and 5 multiples added when the data spans fewer than two decades.
    static func log10(min: Double, max: Double) -> [Double] {
        let low = Swift.max(Swift.min(min, max), Double.leastNormalMagnitude)
        let high = Swift.max(Swift.max(min, max), low)
        let firstExponent = Int(Foundation.log10(low).rounded(.down))
        var lastExponent = Int(Foundation.log10(high).rounded(.up))
        if firstExponent == lastExponent { lastExponent += 1 }
        let decades = lastExponent - firstExponent
        if decades > 8 {
            // Keep tick labels apart on very wide ranges: every second power of ten.
            let end = lastExponent + decades % 2
            return stride(from: firstExponent, through: end, by: 2).map { pow(10, Double($0)) }
        }
        var ticks: [Double] = []
        for exponent in firstExponent...lastExponent {
            let power = pow(10, Double(exponent))
            ticks.append(power)
            if decades < 2, exponent < lastExponent {
                ticks.append(2 * power)
                ticks.append(5 * power)
            }
        }
        // Trim 2/5 ticks outside the data so a one-decade axis does not waste space.
        if decades < 2 {
            let lower = ticks.last(where: { $0 <= low }) ?? ticks[0]
            let upper = ticks.first(where: { $0 >= high }) ?? ticks[ticks.count - 1]
            ticks = ticks.filter { $0 >= lower && $0 <= upper }
        }
        return ticks
    }

    /// Removes floating-point dust (0.30000000000000004 → 0.3) and negative zero.
    private static func clean(_ value: Double, step: Double) -> Double {
        let decimals = Swift.max(0, -Int(Foundation.log10(step).rounded(.down)))
        let factor = pow(10, Double(decimals))
        let rounded = (value * factor).rounded() / factor
        return rounded == 0 ? 0 : rounded
    }
}
