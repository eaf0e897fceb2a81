import Foundation

/// A numeric axis fitted to data and to the pixels it has: nice ticks, their labels, and the mapping
/// from values to positions. Tick labels never overlap: the tick count drops until they fit.
struct NumericAxis {
    let scale: AxisScale
    /// Domain ends in data units (the outermost ticks).
    let lower: Double
    let upper: Double
    let ticks: [Double]
    let labels: [String]
    /// Pixel positions of `lower` and `upper`.
    let start: Double
    let end: Double

    enum Orientation {
        case horizontal, vertical
    }

    /// `values` are the data the axis must show (non-finite values are ignored; on a log axis, so are
    /// values ≤ 0). `includeZero` anchors bar axes at zero.
    init(
        values: [Double], scale: AxisScale, start: Double, end: Double, orientation: Orientation,
        fontSize: Double,
        includeZero: Bool = false, integerOnly: Bool = false
    ) {
        let usable = values.filter { $0.isFinite && (scale == .linear || $0 > 0) }
        var low = usable.min() ?? 0
        var high = usable.max() ?? 1
        if includeZero {
            low = min(low, 0)
            high = max(high, 0)
        }
        self.scale = scale
        self.start = start
        self.end = end
        let length = abs(end - start)
        switch scale {
        case .log10:
            if usable.isEmpty {
                low = 1
                high = 10
            }
            var ticks = NiceTicks.log10(min: low, max: high)
            let fractions = { (ticks: [Double]) in
                ticks.map {
                    (log10($0) - log10(ticks[0])) / (log10(ticks[ticks.count - 1]) - log10(ticks[0]))
                }
            }
            if !NumericAxis.labelsFit(
                ticks.map(NumberLabels.logTick), fractions: fractions(ticks), length: length,
                orientation: orientation, fontSize: fontSize)
            {
                ticks = ticks.filter { log10($0) == log10($0).rounded() }
            }
            self.ticks = ticks
            self.labels = ticks.map(NumberLabels.logTick)
        case .linear:
            // Roughly one tick per 2.5 label heights (vertical) or per 5 em (horizontal), then fewer until
            // the labels have room.
            let spacing = orientation == .vertical ? fontSize * 2.5 : fontSize * 5
            var target = max(2, Int(length / spacing) + 1)
            var ticks = NiceTicks.linear(min: low, max: high, targetCount: target, integerOnly: integerOnly)
            let evenly = { (ticks: [Double]) in
                ticks.indices.map { Double($0) / Double(max(1, ticks.count - 1)) }
            }
            while target > 2,
                !NumericAxis.labelsFit(
                    NumericAxis.labels(ticks), fractions: evenly(ticks), length: length,
                    orientation: orientation,
                    fontSize: fontSize)
            {
                target -= 1
                ticks = NiceTicks.linear(min: low, max: high, targetCount: target, integerOnly: integerOnly)
            }
            self.ticks = ticks
            self.labels = NumericAxis.labels(ticks)
        }
        self.lower = ticks.first ?? 0
        self.upper = ticks.last ?? 1
    }

    /// Pixel position of `value` (clamped to a small margin outside the axis so stray values stay visible).
    func position(_ value: Double) -> Double {
        let fraction: Double
        switch scale {
        case .linear:
            fraction = upper == lower ? 0.5 : (value - lower) / (upper - lower)
        case .log10:
            let safe = max(value, lower / 10)
            fraction = (log10(safe) - log10(lower)) / (log10(upper) - log10(lower))
        }
        let clamped = min(max(fraction, -0.05), 1.05)
        return start + (end - start) * clamped
    }

    /// Width of the widest tick label.
    func widestLabel(fontSize: Double) -> Double {
        labels.map { TextMetrics.width(of: $0, fontSize: fontSize) }.max() ?? 0
    }

    private static func labels(_ ticks: [Double]) -> [String] {
        let step = ticks.count > 1 ? abs(ticks[1] - ticks[0]) : 1
        return ticks.map { NumberLabels.tick($0, step: step) }
    }

    /// Whether labels centred at `fractions` of an axis `length` px long keep at least a gap between them.
    private static func labelsFit(
        _ labels: [String], fractions: [Double], length: Double, orientation: Orientation, fontSize: Double
    ) -> Bool {
        for index in labels.indices.dropFirst() {
            let spacing = (fractions[index] - fractions[index - 1]) * length
            switch orientation {
            case .vertical:
                if spacing < fontSize * 1.6 { return false }
            case .horizontal:
                let halves =
                    (TextMetrics.width(of: labels[index], fontSize: fontSize)
                        + TextMetrics.width(of: labels[index - 1], fontSize: fontSize)) / 2
                if spacing < halves + fontSize * 0.8 { return false }
            }
        }
        return true
    }
}
