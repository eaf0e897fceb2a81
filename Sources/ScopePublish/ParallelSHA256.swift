import ScopeDiagnostics

extension SHA256 {
    /// The SHA-256 of each of many files, on every core: a build hashes all its outputs (hundreds of MB
    /// for 100,000 studies), and the files are independent. Below a few MB the worker threads cost more
    /// than they save, and the hashing stays on this thread.
    public static func hex(eachOf contents: [[UInt8]]) -> [String] {
        let total = contents.reduce(0) { $0 + $1.count }
        // Largest first, so that one big file does not start last and run alone.
        let order = contents.indices.sorted { contents[$0].count > contents[$1].count }
        let digests = ParallelMap.map(order.count, parallel: total >= 4 << 20) { hex(contents[order[$0]]) }
        var inFileOrder = [String](repeating: "", count: contents.count)
        for (position, file) in order.enumerated() { inFileOrder[file] = digests[position] }
        return inFileOrder
    }
}
