/// Reads JSON whose values are strings or objects of strings, as `Manifest.encoded()` writes it,
/// without JSONDecoder: its first use in a process cost more than the rest of a no-op rebuild.
/// Anything else (numbers, arrays, a duplicate key, bad syntax) gives nil, and the caller falls back
/// to JSONDecoder, so a hand-edited manifest reads as it always did.
struct FlatJSONReader {
    enum Value: Equatable {
        case string(String)
        case object([String: String])
    }

    private let bytes: [UInt8]
    private var position = 0

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    static func read(_ bytes: [UInt8]) -> [String: Value]? {
        var reader = FlatJSONReader(bytes)
        let value = reader.object { reader -> Value? in
            reader.skipSpace()
            if reader.peek == UInt8(ascii: "{") { return reader.object { $0.string() }.map(Value.object) }
            return reader.string().map(Value.string)
        }
        reader.skipSpace()
        return reader.position == bytes.count ? value : nil
    }

    private var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipSpace() {
        while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
    }

    private mutating func expect(_ byte: UInt8) -> Bool {
        skipSpace()
        guard peek == byte else { return false }
        position += 1
        return true
    }

    /// `{ "key" : value, … }` with unique keys.
    private mutating func object<T>(_ value: (inout FlatJSONReader) -> T?) -> [String: T]? {
        guard expect(UInt8(ascii: "{")) else { return nil }
        var result: [String: T] = [:]
        if expect(UInt8(ascii: "}")) { return result }
        repeat {
            guard let key = string(), expect(UInt8(ascii: ":")), let item = value(&self),
                result.updateValue(item, forKey: key) == nil
            else { return nil }
        } while expect(UInt8(ascii: ","))
        return expect(UInt8(ascii: "}")) ? result : nil
    }

    /// A string literal with JSON's escapes; the text must be valid UTF-8.
    private mutating func string() -> String? {
        guard expect(UInt8(ascii: "\"")) else { return nil }
        var text: [UInt8] = []
        while let byte = peek {
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(validating: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard let escaped = peek else { return nil }
                position += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escaped)
                case UInt8(ascii: "b"): text.append(0x08)
                case UInt8(ascii: "f"): text.append(0x0C)
                case UInt8(ascii: "n"): text.append(0x0A)
                case UInt8(ascii: "r"): text.append(0x0D)
                case UInt8(ascii: "t"): text.append(0x09)
                case UInt8(ascii: "u"):
                    guard var unit = hexQuad() else { return nil }
                    // A surrogate pair stands for one scalar beyond the Basic Multilingual Plane.
                    if (0xD800..<0xDC00).contains(unit) {
                        guard expect(UInt8(ascii: "\\")), peek == UInt8(ascii: "u") else { return nil }
                        position += 1
                        guard let low = hexQuad(), (0xDC00..<0xE000).contains(low) else { return nil }
                        unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(unit) else { return nil }
                    text.append(contentsOf: String(Character(scalar)).utf8)
                default: return nil
                }
            case 0..<0x20: return nil
            default: text.append(byte)
            }
        }
        return nil
    }

    private mutating func hexQuad() -> UInt32? {
        guard position + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for byte in bytes[position..<position + 4] {
            guard let digit = Character(Unicode.Scalar(byte)).hexDigitValue else { return nil }
            value = value * 16 + UInt32(digit)
        }
        position += 4
        return value
    }
}
