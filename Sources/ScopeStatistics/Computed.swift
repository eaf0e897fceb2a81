/// A statistic, or the reason it could not be computed for this input.
///
/// Every public entry point answers with this instead of NaN, a crash or a silent zero, so a report
/// can print "not computable: x is constant" where a number would otherwise be.
public enum Computed<Value: Sendable & Equatable>: Sendable, Equatable {
    case value(Value)
    case notComputable(reason: String)

    /// The value, or nil when it could not be computed.
    public var value: Value? {
        if case .value(let value) = self { return value }
        return nil
    }

    /// The reason the value could not be computed, or nil when it was.
    public var reason: String? {
        if case .notComputable(let reason) = self { return reason }
        return nil
    }

    /// Applies `transform` to a computed value; a reason passes through unchanged.
    public func map<Other>(_ transform: (Value) -> Other) -> Computed<Other> {
        switch self {
        case .value(let value): return .value(transform(value))
        case .notComputable(let reason): return .notComputable(reason: reason)
        }
    }
}
