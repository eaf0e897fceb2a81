import Foundation
import ScopeDiagnostics

/// Just enough RFC 4180 CSV for the PRISMA2020 template: fields with commas, quotes or line breaks are
/// quoted, quotes inside doubled. (The review's own sheets are read by ScopeLoad, which this module
/// cannot import.)
enum RFC4180 {
    /// One field and where it starts (1-based line and column), for diagnostics.
    struct Field: Equatable {
        var text: String
        var line: Int
        var column: Int
    }

    struct SyntaxError: Error, Equatable {
        var message: String
        var line: Int
        var column: Int
    }

    /// The records of `text`. Accepts LF or CRLF line ends and a leading byte-order mark; a blank last
    /// line is not a record.
    static func parse(_ text: String) -> Result<[[Field]], SyntaxError> {
        var records: [[Field]] = []
        var record: [Field] = []
        var field = ""
        var line = 1
        var column = 1
        var fieldStart = (line: 1, column: 1)
        var inQuotes = false
        var wasQuoted = false
        var characters = Array(text)
        if characters.first == "\u{FEFF}" { characters.removeFirst() }
        var index = 0

        func endField() {
            record.append(Field(text: field, line: fieldStart.line, column: fieldStart.column))
            field = ""
            wasQuoted = false
        }

        while index < characters.count {
            let character = characters[index]
            index += 1
            if inQuotes {
                if character == "\"" {
                    if index < characters.count, characters[index] == "\"" {
                        field.append("\"")
                        index += 1
                        column += 2
                        continue
                    }
                    inQuotes = false
                } else {
                    field.append(character)
                }
                if character == "\n" || character == "\r\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty && !wasQuoted:
                inQuotes = true
                wasQuoted = true
                column += 1
            case ",":
                endField()
                column += 1
                fieldStart = (line, column)
            case "\n", "\r\n", "\r":
                endField()
                records.append(record)
                record = []
                line += 1
                column = 1
                fieldStart = (line, column)
            default:
                field.append(character)
                column += 1
            }
        }
        if inQuotes {
            return .failure(
                SyntaxError(
                    message: "a quoted field is not closed", line: fieldStart.line, column: fieldStart.column)
            )
        }
        if !field.isEmpty || wasQuoted || !record.isEmpty {
            endField()
            records.append(record)
        }
        return .success(records)
    }

    /// Records joined with LF (as the PRISMA2020 package's own template is), quoting only where needed.
    static func write(_ records: [[String]]) -> String {
        records.map { $0.map(CSVText.field).joined(separator: ",") + "\n" }.joined()
    }
}
