extension String {
    /// Without white space (Unicode's, line breaks included) at either end: how every cell, count and
    /// condition of a review is read, so that "MRI " and " MRI" are the same category.
    package var trimmingSpaces: String {
        // Most cells have nothing to trim: answer from the first and last bytes without copying.
        if let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80,
            !Self.asciiWhitespace.contains(first), !Self.asciiWhitespace.contains(last)
        {
            return self
        }
        var slice = Substring(self)
        while let c = slice.first, c.isWhitespace { slice = slice.dropFirst() }
        while let c = slice.last, c.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }

    private static let asciiWhitespace: Set<UInt8> = [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20]
}
