import ScopeDiagnostics
import ScopeLoad
import ScopeSynthesis

/// `results.json`: every result under its key, one per line, keys sorted, numbers unrounded
/// (shortest round-trip form), a statistic that is not computable as `null`. Written by hand rather
/// than with JSONEncoder so the bytes are exactly what `git diff` should see.
enum ResultsJSON {
    static func encode(_ values: ResultValues) -> String {
        var lines: [String] = []
        lines.reserveCapacity(values.entries.count + 2)
        for key in values.sortedKeys {
            lines.append("  \(JSONText.string(key)): \(json(values[key]!))")
        }
        return "{\n" + lines.joined(separator: ",\n") + "\n}\n"
    }

    static func json(_ value: ResultValue) -> String {
        switch value {
        case .count(let count): String(count)
        case .percent(let number), .pValue(let number), .statistic(let number), .measure(let number),
            .plain(let number):
            number.isFinite ? NumberText.shortest(number) : "null"
        case .text(let text): JSONText.string(text)
        case .notComputable: "null"
        }
    }
}
