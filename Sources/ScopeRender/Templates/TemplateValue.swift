/// What a template placeholder can stand for. Text from the data is always `.text` and is escaped
/// for Markdown where it is inserted; `.markdown` is reserved for blocks this program built itself
/// (tables, figure references) from escaped parts.
public indirect enum TemplateValue: Sendable, Equatable {
    case text(String)
    case markdown(String)
    case list([TemplateContext])
    case flag(Bool)
}

/// The names a template can use, with their values.
public struct TemplateContext: Sendable, Equatable {
    public var values: [String: TemplateValue]

    public init(_ values: [String: TemplateValue] = [:]) { self.values = values }

    public subscript(key: String) -> TemplateValue? {
        get { values[key] }
        set { values[key] = newValue }
    }
}
