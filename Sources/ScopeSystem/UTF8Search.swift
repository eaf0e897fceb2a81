/// Finds and replaces ASCII markup in UTF-8 bytes (the page's placeholders, the report's numbering
/// markers). The page of a 100,000-study review is tens of MB;
/// Foundation's `range(of:)` and `replacingOccurrences` on a Swift String work in UTF-16 offsets and
/// re-count them from the start, which made assembling such a page take seconds. `memmem` does not.
package enum UTF8Search {
    /// The offset of the first `needle` in `haystack` at or after `start` (`memchr` for its first
    /// byte, then a comparison; the standard C library has no portable `memmem`).
    package static func first(
        _ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from start: Int
    ) -> Int? {
        guard let lead = needle.first, let base = haystack.baseAddress else { return nil }
        var position = start
        while haystack.count - position >= needle.count {
            guard let found = memchr(base + position, Int32(lead), haystack.count - position) else {
                return nil
            }
            let offset = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            guard haystack.count - offset >= needle.count else { return nil }
            if needle.withUnsafeBytes({ memcmp(found, $0.baseAddress!, needle.count) }) == 0 { return offset }
            position = offset + 1
        }
        return nil
    }

    /// Every `needle` replaced by `replacement`, left to right.
    package static func replacingAll(_ needle: String, with replacement: String, in bytes: [UInt8]) -> [UInt8]
    {
        let pattern = Array(needle.utf8)
        return bytes.withUnsafeBufferPointer { text in
            var output: [UInt8] = []
            output.reserveCapacity(text.count + 1024)
            var position = 0
            while let hit = first(pattern, in: text, from: position) {
                output.append(contentsOf: text[position..<hit])
                output.append(contentsOf: replacement.utf8)
                position = hit + pattern.count
            }
            output.append(contentsOf: text[position...])
            return output
        }
    }

    /// The first `needle` replaced by `replacement`, or the bytes unchanged when there is none.
    package static func replacingFirst(
        _ needle: String, with replacement: [UInt8], in bytes: [UInt8]
    ) -> [UInt8] {
        bytes.withUnsafeBufferPointer { text in
            guard let hit = first(Array(needle.utf8), in: text, from: 0) else { return bytes }
            var output: [UInt8] = []
            output.reserveCapacity(text.count + replacement.count)
            output.append(contentsOf: text[..<hit])
            output.append(contentsOf: replacement)
            output.append(contentsOf: text[(hit + needle.utf8.count)...])
            return output
        }
    }
}
