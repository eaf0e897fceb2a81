/// How a cell's number format shows a numeric value, as far as the reader cares: dates are stored as
/// serial day numbers and only their format tells them apart from plain numbers.
enum XLSXNumberPresentation: Equatable {
    case number
    case date
    case dateTime
    /// LibreOffice stores a boolean formula's result as 1/0 under a TRUE/FALSE format.
    case boolean

    /// Built-in ids (ECMA-376 §18.8.30): 14–17 and 22 everywhere; 27–31, 36 and 50–58 are the East
    /// Asian date formats. Time-only formats (18–21, 45–47) stay numbers: they are not dates.
    init(builtInFormat id: Int) {
        switch id {
        case 14...17, 27...31, 36, 50...58: self = .date
        case 22: self = .dateTime
        default: self = .number
        }
    }

    /// Classifies a custom format code by the date and time tokens of its first section (the one
    /// for positive numbers), skipping quoted text, escapes, colours and locale tags.
    init(formatCode: String) {
        if formatCode == #""TRUE";"TRUE";"FALSE""# {
            self = .boolean
            return
        }
        let code = Array(formatCode.lowercased())
        var sawDate = false
        var sawTime = false
        // `m` is a month next to d/y and a minute next to h/s.
        var sawMonthOrMinute = false
        var index = 0
        scan: while index < code.count {
            let rest = code[index...]
            if rest.starts(with: "general") {
                index += 7
                continue
            }
            if rest.starts(with: "am/pm") || rest.starts(with: "a/p") {
                sawTime = true
                index += rest.starts(with: "am/pm") ? 5 : 3
                continue
            }
            switch code[index] {
            case ";": break scan
            case "\"": index = (code[(index + 1)...].firstIndex(of: "\"") ?? code.count)
            case "\\", "_", "*": index += 1
            case "[":
                let close = code[index...].firstIndex(of: "]") ?? code.count
                // `[h]:mm` is elapsed time; other brackets are colours, conditions and locales.
                let inside = code[(index + 1)..<close]
                if !inside.isEmpty && inside.allSatisfy({ "hms".contains($0) }) { sawTime = true }
                index = close
            case "y", "d": sawDate = true
            case "h", "s": sawTime = true
            case "m": sawMonthOrMinute = true
            default: break
            }
            index += 1
        }
        if sawDate || (sawMonthOrMinute && !sawTime) {
            self = sawTime ? .dateTime : .date
        } else {
            self = .number
        }
    }
}
