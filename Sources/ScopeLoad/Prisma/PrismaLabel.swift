/// A piece of wording in the diagram that an author may replace (`labels:` in the config), e.g.
/// "Sources of evidence screened" for a PRISMA-ScR scoping review. The raw value is the config key.
public enum PrismaLabel: String, CaseIterable, Sendable, Hashable {
    case identification
    case screening
    case included
    case previousReviewTitle = "previous_review_title"
    case databasesTitle = "databases_title"
    case otherMethodsTitle = "other_methods_title"
    case previousStudies = "previous_studies"
    case previousReports = "previous_reports"
    case recordsIdentified = "records_identified"
    case databases
    case registers
    case removedBeforeScreening = "removed_before_screening"
    case duplicates
    case automationTools = "automation_tools"
    case otherReasons = "other_reasons"
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
    case includedReports = "included_reports"
    case totalStudies = "total_studies"
    case totalReports = "total_reports"

    /// The wording of the PRISMA 2020 flow diagram templates (Page et al., BMJ 2021;372:n71). Only the
    /// update template speaks of "new" studies, as only there a total box follows. Headings of listed
    /// boxes get their colon when drawn.
    public func defaultText(isUpdate: Bool) -> String {
        switch self {
        case .identification: "Identification"
        case .screening: "Screening"
        case .included: "Included"
        case .previousReviewTitle: "Previous studies"
        case .databasesTitle:
            isUpdate
                ? "Identification of new studies via databases and registers"
                : "Identification of studies via databases and registers"
        case .otherMethodsTitle:
            isUpdate
                ? "Identification of new studies via other methods"
                : "Identification of studies via other methods"
        case .previousStudies: "Studies included in previous version of review"
        case .previousReports: "Reports of studies included in previous version of review"
        case .recordsIdentified, .otherRecordsIdentified: "Records identified from"
        case .databases: "Databases"
        case .registers: "Registers"
        case .removedBeforeScreening: "Records removed before screening"
        case .duplicates: "Duplicate records removed"
        case .automationTools: "Records marked as ineligible by automation tools"
        case .otherReasons: "Records removed for other reasons"
        case .recordsScreened: "Records screened"
        case .recordsExcluded: "Records excluded"
        case .reportsSought, .otherReportsSought: "Reports sought for retrieval"
        case .reportsNotRetrieved, .otherReportsNotRetrieved: "Reports not retrieved"
        case .reportsAssessed, .otherReportsAssessed: "Reports assessed for eligibility"
        case .reportsExcluded, .otherReportsExcluded: "Reports excluded"
        case .includedStudies: isUpdate ? "New studies included in review" : "Studies included in review"
        case .includedReports: isUpdate ? "Reports of new included studies" : "Reports of included studies"
        case .totalStudies: "Total studies included in review"
        case .totalReports: "Reports of total included studies"
        }
    }
}
