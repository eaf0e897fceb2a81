/// A point of a scatter plot or fitted line, in data units.
public struct ChartPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// The confidence band of a fit at one x: lower and upper limit, in data units.
public struct BandPoint: Sendable, Equatable {
    public var x: Double
    public var lower: Double
    public var upper: Double

    public init(x: Double, lower: Double, upper: Double) {
        self.x = x
        self.lower = lower
        self.upper = upper
    }
}

/// A fit computed by the caller: the line through `line` (in order of x) and, optionally, a band
/// (e.g. the 95 % confidence band) through `band`. On a log10 x axis pass enough points for a curve.
public struct FittedLine: Sendable, Equatable {
    public var line: [ChartPoint]
    public var band: [BandPoint]

    public init(line: [ChartPoint], band: [BandPoint] = []) {
        self.line = line
        self.band = band
    }
}

/// One panel of the small multiples: its title (e.g. "AUC"), points, optional fit and annotation
/// (e.g. "n = 12, r = 0.21, p = 0.51").
public struct ScatterPanel: Sendable, Equatable {
    public var title: String
    public var points: [ChartPoint]
    public var fit: FittedLine?
    public var annotation: String?

    public init(title: String, points: [ChartPoint], fit: FittedLine? = nil, annotation: String? = nil) {
        self.title = title
        self.points = points
        self.fit = fit
        self.annotation = annotation
    }
}

/// Which axes the panels of small multiples share (the same domain in every panel).
public enum AxisSharing: Sendable, Equatable {
    case shared
    case freeX
    case freeY
    case free

    var sharesX: Bool { self == .shared || self == .freeY }
    var sharesY: Bool { self == .shared || self == .freeX }
}
