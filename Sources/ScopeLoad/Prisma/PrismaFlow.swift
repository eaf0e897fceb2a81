import ScopeDiagnostics

/// The counts of a PRISMA 2020 flow diagram, for the template "new review with databases, registers
/// and other sources", with the "previous version of the review" boxes of the update template.
///
/// Every box is optional: a count that is nil is a box the review does not report, and it is left out
/// of the drawing rather than drawn with n = 0. Nothing here is ever filled in from other counts.
public struct PrismaFlow: Sendable, Equatable {
    /// Single counts and the stated totals of the named lists below.
    public var counts: [PrismaCount: Int] = [:]
    /// Records identified from each database, in the author's order.
    public var databaseRecords: [NamedCount] = []
    /// Records identified from each register.
    public var registerRecords: [NamedCount] = []
    /// Records identified by other methods: websites, organisations, citation searching, …
    public var otherMethodRecords: [NamedCount] = []
    /// Reports excluded after assessment (databases and registers), by reason.
    public var reportExclusionReasons: [NamedCount] = []
    /// Reports excluded after assessment (other methods), by reason.
    public var otherReportExclusionReasons: [NamedCount] = []
    /// Why the included studies differ from the rows of the studies sheet, when they do on purpose
    /// (e.g. two reports of one study kept as separate rows).
    public var studiesDifferBecause: String?
    public var style = PrismaStyle()
    /// The PRISMA2020 package's CSV that holds the counts (`prisma: {csv: prisma.csv}`), which the
    /// loader reads into this flow; nil when the config gives the counts itself.
    public var countsFile: PrismaCountsFile?
    /// Where the flow came from (the `prisma:` section or the CSV file); diagnostics about the flow as
    /// a whole point here.
    public var origin: SourceLocation
    /// Where each count (or named list) was written, so that arithmetic errors point at its line.
    public var locations: [PrismaCount: SourceLocation] = [:]

    public init(origin: SourceLocation) { self.origin = origin }

    public subscript(count: PrismaCount) -> Int? {
        get { counts[count] }
        set { counts[count] = newValue }
    }

    // MARK: - Totals read from the boxes (never invented: nil when the box gives nothing)

    /// The stated total of a count, or for a named list without one, the sum of its entries.
    public func total(_ count: PrismaCount) -> Int? {
        if let stated = counts[count] { return stated }
        let entries = namedEntries(of: count)
        return entries.isEmpty ? nil : entries.reduce(0) { $0 + $1.count }
    }

    /// The named entries that make up a count, if it is one of the listed boxes.
    public func namedEntries(of count: PrismaCount) -> [NamedCount] {
        switch count {
        case .databases: databaseRecords
        case .registers: registerRecords
        case .otherMethodRecords: otherMethodRecords
        case .reportsExcluded: reportExclusionReasons
        case .otherReportsExcluded: otherReportExclusionReasons
        default: []
        }
    }

    /// Records identified from databases and registers together.
    public var recordsIdentified: Int? { sumOfGiven([total(.databases), total(.registers)]) }

    /// Records removed before screening: duplicates, automation tools and other reasons together.
    public var recordsRemoved: Int? {
        sumOfGiven([counts[.duplicates], counts[.automation], counts[.removedOther]])
    }

    /// An update of an earlier review: it has "previous version" boxes and a total box.
    public var isUpdate: Bool { counts[.previousStudies] != nil || counts[.previousReports] != nil }

    /// The review used other methods (websites, citation searching, …) besides databases and registers.
    public var hasOtherMethods: Bool {
        !otherMethodRecords.isEmpty || PrismaCount.allCases.contains { $0.isOtherMethods && total($0) != nil }
    }

    /// The studies the review includes in the end: the total box of an update, else the included box.
    public var studiesIncludedInReview: (count: PrismaCount, value: Int)? {
        let count: PrismaCount = isUpdate ? .totalStudies : .newStudies
        return counts[count].map { (count, $0) }
    }

    /// True when no box has a number: nothing to draw.
    public var isEmpty: Bool { PrismaCount.allCases.allSatisfy { total($0) == nil } }

    public func location(of count: PrismaCount) -> SourceLocation { locations[count] ?? origin }

    private func sumOfGiven(_ values: [Int?]) -> Int? {
        let given = values.compactMap { $0 }
        return given.isEmpty ? nil : given.reduce(0, +)
    }
}

/// A named source of records or a reason for exclusion, with its count.
public struct NamedCount: Sendable, Hashable {
    public var name: String
    public var count: Int

    public init(_ name: String, _ count: Int) {
        self.name = name
        self.count = count
    }
}

/// How the diagram is drawn, apart from its numbers.
public struct PrismaStyle: Sendable, Equatable {
    /// False for reviews that did not screen records (titles and abstracts) separately from full
    /// texts: the "Records screened" and "Records excluded" boxes are left out.
    public var screensRecords = true
    /// Set the label of each box in bold (the numbers stay regular).
    public var boldTitles = false
    /// Wording that replaces the template's, e.g. "Sources of evidence screened" for PRISMA-ScR.
    public var labels: [PrismaLabel: String] = [:]
    /// A tooltip per box, written as the SVG `<title>` of the box.
    public var tooltips: [PrismaBox: String] = [:]
    /// A link per box (https only), written as an SVG `<a href>` around the box.
    public var links: [PrismaBox: String] = [:]

    public init() {}

    /// The label as drawn: the author's wording, else the official template's.
    public func text(_ label: PrismaLabel, isUpdate: Bool) -> String {
        labels[label] ?? label.defaultText(isUpdate: isUpdate)
    }
}

/// A PRISMA2020 CSV named by the config, inside the data folder, and where the config names it.
public struct PrismaCountsFile: Sendable, Equatable {
    public var path: String
    public var location: SourceLocation

    public init(path: String, location: SourceLocation) {
        self.path = path
        self.location = location
    }
}

extension PrismaFlow {
    /// The counts, names, labels, tooltips and links of `csv` (the file this flow names), with this
    /// flow's options; a label, tooltip or link given in the config wins over the CSV's.
    public func withCounts(from csv: PrismaFlow) -> PrismaFlow {
        var merged = csv
        merged.studiesDifferBecause = studiesDifferBecause
        merged.style.screensRecords = style.screensRecords
        merged.style.boldTitles = style.boldTitles
        merged.style.labels.merge(style.labels) { _, configured in configured }
        merged.style.tooltips.merge(style.tooltips) { _, configured in configured }
        merged.style.links.merge(style.links) { _, configured in configured }
        return merged
    }

    /// Without a screening of records (`records_screening: false`), their boxes are dropped, from the
    /// tables too, with a warning.
    public mutating func leavingOutUnscreenedBoxes() -> [Diagnostic] {
        guard !style.screensRecords else { return [] }
        var warnings: [Diagnostic] = []
        for count in [PrismaCount.recordsScreened, .recordsExcluded] where self[count] != nil {
            warnings.append(
                .warning(
                    "PRISMA: \(count.name(isUpdate: false)) is given, but 'records_screening: false' leaves "
                        + "that box out of the diagram", at: location(of: count)))
            self[count] = nil
            locations[count] = nil
        }
        return warnings
    }
}
