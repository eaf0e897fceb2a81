/// A table of the report, written three ways from the same cells: Markdown for the page, CSV for
/// spreadsheets and LaTeX (booktabs) for the manuscript. Cells hold display text already rounded by
/// the presentation rules, so all three agree digit for digit.
public struct ReportTable: Sendable, Equatable {
    /// File name stem: `tables/NAME.md|csv|tex`.
    public var name: String
    /// "Table 3", given in order of appearance.
    public var number: Int
    public var title: String
    public var columns: [Column]
    public var rows: [[Cell]]
    /// Printed under the table (e.g. "A study may count in several rows; percentages may sum past 100 %.").
    public var notes: [String]

    public struct Column: Sendable, Equatable {
        public var header: String
        public var alignment: Alignment

        public init(_ header: String, _ alignment: Alignment = .left) {
            self.header = header
            self.alignment = alignment
        }
    }

    public enum Alignment: Sendable, Equatable {
        case left
        case right
    }

    public enum Cell: Sendable, Equatable {
        case text(String)
        /// Text linked to an https address (DOIs, source pages). Any other scheme is shown as text.
        case link(String, url: String)

        public var text: String {
            switch self {
            case .text(let text), .link(let text, _): text
            }
        }

        /// The link target, only when it is https.
        public var safeURL: String? {
            guard case .link(_, let url) = self, url.lowercased().hasPrefix("https://") else { return nil }
            return url
        }
    }

    public var caption: String { "Table \(number). \(title)" }
}
