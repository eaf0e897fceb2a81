/// A box of the diagram that may carry a tooltip and a link (`tooltips:` and `links:` in the config).
/// The raw value is the config key; the phase bands and column titles count as boxes too.
public enum PrismaBox: String, CaseIterable, Sendable, Hashable {
    case identification
    case screening
    case included
    case previousReviewTitle = "previous_review_title"
    case databasesTitle = "databases_title"
    case otherMethodsTitle = "other_methods_title"
    case previousReview = "previous_review"
    case recordsIdentified = "records_identified"
    case removedBeforeScreening = "removed_before_screening"
    case recordsScreened = "records_screened"
    case recordsExcluded = "records_excluded"
    case reportsSought = "reports_sought"
    case reportsNotRetrieved = "reports_not_retrieved"
    case reportsAssessed = "reports_assessed"
    case reportsExcluded = "reports_excluded"
    case otherRecordsIdentified = "other_records_identified"
    case otherReportsSought = "other_reports_sought"
    case otherReportsNotRetrieved = "other_reports_not_retrieved"
    case otherReportsAssessed = "other_reports_assessed"
    case otherReportsExcluded = "other_reports_excluded"
    case includedStudies = "included_studies"
    case totalStudies = "total_studies"

    /// Used in SVG ids and class names: `sr-prisma-records-screened`.
    package var slug: String { rawValue.replacingOccurrences(of: "_", with: "-") }
}
