import ScopeDiagnostics

/// Reads CSV per RFC 4180 as authors' tools really write it: quoted fields holding commas, quotes and
/// newlines; CRLF or LF line ends; an optional UTF-8 byte-order mark; `,` or `;` as the separator
/// (a German Excel writes `;` because `,` is its decimal mark).
///
/// It works on bytes rather than `Character`s because grapheme breaking is the dominant cost on large
/// sheets; every separator and quote is ASCII, so splitting bytes is exact for UTF-8.
public enum CSVReader {
    public enum Delimiter: Sendable, Equatable {
        case comma
        case semicolon
        case tab
        /// Chosen from the header line: the most frequent of `,`, `;` and tab outside quotes.
        case automatic

        var byte: UInt8? {
            switch self {
            case .comma: UInt8(ascii: ",")
            case .semicolon: UInt8(ascii: ";")
            case .tab: UInt8(ascii: "\t")
            case .automatic: nil
            }
        }
    }

    /// Splits `bytes` into a header and rows. Problems that make the file unreadable (invalid UTF-8, an
    /// unterminated quote, more than `maxCells` cells) are thrown together as a `DiagnosticsError`.
    ///
    /// Blank fields at the end of a line and lines of nothing but separators are not kept: spreadsheet
    /// programs write them for every formatted cell, and a line of 20 million commas would otherwise
    /// take gigabytes. A row may therefore be shorter than the header; the missing cells are blank.
    public static func read(
        _ bytes: [UInt8], displayPath: String, delimiter: Delimiter = .automatic,
        maxCells: Int = LoadLimits.default.maxCells
    ) throws(DiagnosticsError) -> RawSheet {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        if let offset = firstInvalidUTF8Offset(bytes, from: start) {
            let (line, column) = lineAndColumn(of: offset, in: bytes)
            throw DiagnosticsError([
                .error(
                    "the file is not valid UTF-8 (invalid byte 0x\(hex(bytes[offset])) at byte offset \(offset)); "
                        + "save it as \"CSV UTF-8\" (or name its encoding in review.yaml, e.g. "
                        + "'encoding: windows-1252')",
                    at: SourceLocation(file: displayPath, line: line, column: column))
            ])
        }
        let separator = delimiter.byte ?? detectDelimiter(bytes, from: start)
        var records = try splitRecords(
            bytes, from: start, separator: separator, displayPath: displayPath, maxCells: maxCells)
        guard !records.isEmpty else {
            throw DiagnosticsError([
                .error(
                    "the sheet is empty; its first row should be a header naming the columns",
                    at: SourceLocation(file: displayPath, line: 1))
            ])
        }
        let header = records.removeFirst()
        return RawSheet(displayPath: displayPath, header: header, rows: records)
    }

    private static let quote = UInt8(ascii: "\"")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    private static func splitRecords(
        _ bytes: [UInt8], from start: Int, separator: UInt8, displayPath: String, maxCells: Int
    ) throws(DiagnosticsError) -> [[RawCell]] {
        var records: [[RawCell]] = []
        var record: [RawCell] = []
        var field: [UInt8] = []
        var line = 1
        var fieldLine = 1
        var fieldColumn = 1
        var index = start
        let end = bytes.count
        // Blank fields are kept only once a value follows them on the record (they all lie on one line:
        // a field spanning lines is not blank).
        var blanks = 0
        var blanksLine = 1
        var cells = 0

        func finishField() throws(DiagnosticsError) {
            defer {
                field.removeAll(keepingCapacity: true)
                fieldColumn += 1
            }
            guard !field.isEmpty else {
                if blanks == 0 { blanksLine = fieldLine }
                blanks += 1
                return
            }
            cells += blanks + 1
            guard cells <= maxCells else {
                throw DiagnosticsError([
                    .error(
                        "the sheet has more than \(maxCells) cells, counting blank ones between values "
                            + "(raise 'max_cells' under 'sheet: limits:' if it is right)",
                        at: SourceLocation(file: displayPath, line: fieldLine, column: fieldColumn))
                ])
            }
            for column in (fieldColumn - blanks)..<fieldColumn {
                record.append(
                    RawCell(
                        text: "",
                        location: SourceLocation(file: displayPath, line: blanksLine, column: column)))
            }
            blanks = 0
            record.append(
                RawCell(
                    text: String(decoding: field, as: UTF8.self),
                    location: SourceLocation(file: displayPath, line: fieldLine, column: fieldColumn)))
        }
        func finishRecord() throws(DiagnosticsError) {
            try finishField()
            if !record.isEmpty { records.append(record) }
            record.removeAll(keepingCapacity: true)
            fieldColumn = 1
            blanks = 0
        }

        while index < end {
            fieldLine = line
            if bytes[index] == quote {
                // Quoted field: runs to the closing quote; "" is one quote; newlines are kept.
                let openedAt = line
                index += 1
                var closed = false
                while index < end {
                    let byte = bytes[index]
                    if byte == quote {
                        if index + 1 < end, bytes[index + 1] == quote {
                            field.append(quote)
                            index += 2
                            continue
                        }
                        index += 1
                        closed = true
                        break
                    }
                    // Any line end inside the field (LF, CRLF or a lone CR) moves later rows down a line.
                    if byte == lf || (byte == cr && (index + 1 == end || bytes[index + 1] != lf)) {
                        line += 1
                    }
                    field.append(byte)
                    index += 1
                }
                guard closed else {
                    throw DiagnosticsError([
                        .error(
                            "a quoted field opened here is never closed; add the missing closing \" "
                                + "(a quote inside a quoted field is written twice: \"\")",
                            at: SourceLocation(file: displayPath, line: openedAt, column: fieldColumn))
                    ])
                }
                // Text after the closing quote (`"a"b`) is kept, as spreadsheet programs do.
                while index < end, bytes[index] != separator, bytes[index] != cr, bytes[index] != lf {
                    field.append(bytes[index])
                    index += 1
                }
            } else {
                // An unquoted field (nearly every one) is copied once, as a slice.
                let fieldStart = index
                while index < end, bytes[index] != separator, bytes[index] != cr, bytes[index] != lf {
                    index += 1
                }
                field.append(contentsOf: bytes[fieldStart..<index])
            }
            if index >= end {
                try finishRecord()
                break
            }
            let byte = bytes[index]
            if byte == separator {
                try finishField()
                index += 1
                if index == end { try finishRecord() }
            } else {
                // CRLF, LF or a lone CR ends the record.
                if byte == cr, index + 1 < end, bytes[index + 1] == lf { index += 1 }
                index += 1
                try finishRecord()
                line += 1
            }
        }
        return records
    }

    /// The separator of the header line: whichever of `,`, `;`, tab occurs most often outside quotes.
    static func detectDelimiter(_ bytes: [UInt8], from start: Int) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var inQuotes = false
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote {
                inQuotes.toggle()
            } else if !inQuotes {
                if byte == lf || byte == cr { break }
                if counts[byte] != nil { counts[byte, default: 0] += 1 }
            }
            index += 1
        }
        let comma = counts[UInt8(ascii: ",")]!
        let semicolon = counts[UInt8(ascii: ";")]!
        let tab = counts[UInt8(ascii: "\t")]!
        if semicolon > comma, semicolon >= tab { return UInt8(ascii: ";") }
        if tab > comma, tab > semicolon { return UInt8(ascii: "\t") }
        return UInt8(ascii: ",")
    }

    /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence, if any. Generic
    /// so that the XLSX reader can check an inflated part in place, without copying it into an array.
    static func firstInvalidUTF8Offset<Bytes: RandomAccessCollection>(_ bytes: Bytes, from start: Int) -> Int?
    where Bytes.Element == UInt8, Bytes.Index == Int {
        var index = start
        let end = bytes.count
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                upper = 0x9F
            case 0xF0:
                length = 4
                lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                upper = 0x8F
            default: return index
            }
            guard index + length <= end else { return index }
            let second = bytes[index + 1]
            if second < lower || second > upper { return index }
            for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return index }
            index += length
        }
        return nil
    }

    /// The 1-based line and byte column of `offset`, counting LF, CRLF and a lone CR as one line end
    /// each, as the reader does.
    static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        for index in 0..<offset {
            let endsLine = bytes[index] == lf || (bytes[index] == cr && bytes[index + 1] != lf)
            if endsLine {
                line += 1
                lineStart = index + 1
            }
        }
        return (line, offset - lineStart + 1)
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}
