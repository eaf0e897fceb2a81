/// One labelled value: a category and its count (or other quantity) for the bar charts.
public struct BarValue: Sendable, Equatable {
    public var label: String
    public var value: Double

    public init(label: String, value: Double) {
        self.label = label
        self.value = value
    }
}
