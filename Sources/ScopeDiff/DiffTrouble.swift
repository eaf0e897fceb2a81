/// Why a diff could not be made (a missing folder, a failed build, an unknown revision): exit 2,
/// as diff(1) does for trouble.
public struct DiffTrouble: Error, CustomStringConvertible, Sendable {
    public let description: String
    /// What a failed build printed (its diagnostics), to show before the description.
    public let output: String

    public init(_ description: String, output: String = "") {
        self.description = description
        self.output = output
    }
}
