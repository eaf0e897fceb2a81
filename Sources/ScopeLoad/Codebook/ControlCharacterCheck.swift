import ScopeDiagnostics

/// Cells may hold tabs and line breaks (a quoted CSV field or an Excel cell of several lines), but no
/// other control character: nobody types one, they arrive by copy and paste or a broken export, are
/// invisible in a spreadsheet, and would pass into every output (a NUL into the HTML, an ESC into the
/// terminal). The loader rejects them rather than dropping them, so the data is never changed silently.
enum ControlCharacterCheck {
    /// The message for the first such character in `text`, or nil when it holds none.
    static func problem(in text: String) -> String? {
        // Nearly every cell holds no byte below 0x20 but tab, LF and CR, no DEL and no 0xC2 (the lead
        // byte of C1 controls): check the bytes before looking at characters.
        guard
            text.utf8.contains(where: {
                ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0x7F || $0 == 0xC2
            })
        else { return nil }
        var position = 0
        for character in text {
            position += 1
            guard
                let scalar = character.unicodeScalars.first(where: {
                    ControlCharacters.isControl($0) && !["\t", "\n", "\r"].contains($0)
                })
            else { continue }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            let code = "U+" + String(repeating: "0", count: 4 - hex.count) + hex
            return "the cell holds the invisible control character \(code) at character \(position); "
                + "delete it"
        }
        return nil
    }
}
