/// One number of the flow diagram. The raw value is its stable key in `results.json`.
public enum PrismaCount: String, CaseIterable, Sendable, Hashable {
    case previousStudies = "prisma.previous.studies"
    case previousReports = "prisma.previous.reports"
    case databases = "prisma.records.databases"
    case registers = "prisma.records.registers"
    case duplicates = "prisma.records.removed.duplicates"
    case automation = "prisma.records.removed.automation"
    case removedOther = "prisma.records.removed.other"
    case recordsScreened = "prisma.records.screened"
    case recordsExcluded = "prisma.records.excluded"
    case reportsSought = "prisma.reports.sought"
    case reportsNotRetrieved = "prisma.reports.not_retrieved"
    case reportsAssessed = "prisma.reports.assessed"
    case reportsExcluded = "prisma.reports.excluded"
    case otherMethodRecords = "prisma.other.records.identified"
    case otherReportsSought = "prisma.other.reports.sought"
    case otherReportsNotRetrieved = "prisma.other.reports.not_retrieved"
    case otherReportsAssessed = "prisma.other.reports.assessed"
    case otherReportsExcluded = "prisma.other.reports.excluded"
    case newStudies = "prisma.included.studies"
    case newReports = "prisma.included.reports"
    case totalStudies = "prisma.included.total_studies"
    case totalReports = "prisma.included.total_reports"

    /// The box's name in messages, in the official template's words, so that an author finds it in the
    /// PRISMA 2020 statement whatever labels the diagram shows.
    public func name(isUpdate: Bool) -> String {
        switch self {
        case .previousStudies: "studies included in previous version of review"
        case .previousReports: "reports of studies included in previous version of review"
        case .databases: "records identified from databases"
        case .registers: "records identified from registers"
        case .duplicates: "duplicate records removed"
        case .automation: "records marked as ineligible by automation tools"
        case .removedOther: "records removed for other reasons"
        case .recordsScreened: "records screened"
        case .recordsExcluded: "records excluded"
        case .reportsSought: "reports sought for retrieval"
        case .reportsNotRetrieved: "reports not retrieved"
        case .reportsAssessed: "reports assessed for eligibility"
        case .reportsExcluded: "reports excluded"
        case .otherMethodRecords: "records identified via other methods"
        case .otherReportsSought: "reports sought for retrieval via other methods"
        case .otherReportsNotRetrieved: "reports not retrieved via other methods"
        case .otherReportsAssessed: "reports assessed for eligibility via other methods"
        case .otherReportsExcluded: "reports excluded via other methods"
        case .newStudies: isUpdate ? "new studies included in review" : "studies included in review"
        case .newReports: isUpdate ? "reports of new included studies" : "reports of included studies"
        case .totalStudies: "total studies included in review"
        case .totalReports: "reports of total included studies"
        }
    }

    /// Counts of the "identification of new studies via other methods" column.
    public var isOtherMethods: Bool {
        switch self {
        case .otherMethodRecords, .otherReportsSought, .otherReportsNotRetrieved, .otherReportsAssessed,
            .otherReportsExcluded:
            true
        default: false
        }
    }
}
