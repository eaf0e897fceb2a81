/// How the tool's messages count things.
public enum Wording {
    /// "1 error", "3 warnings", "2 studies".
    public static func count(_ n: Int, _ noun: String) -> String {
        if n == 1 { return "1 \(noun)" }
        return noun.hasSuffix("y") ? "\(n) \(noun.dropLast())ies" : "\(n) \(noun)s"
    }
}
