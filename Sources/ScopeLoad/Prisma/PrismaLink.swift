/// Links in the diagram open from a published report, so only https addresses are written: no
/// `javascript:`, no `data:`, no plain http.
package enum PrismaLink {
    package static func isAllowed(_ link: String) -> Bool {
        link.lowercased().hasPrefix("https://") && link.count > "https://".count
            && !link.contains { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }
    }
}
