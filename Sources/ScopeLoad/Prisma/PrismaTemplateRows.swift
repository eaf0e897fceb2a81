/// The rows of the CSV template that the PRISMA2020 R package and Shiny app read and write
/// (Haddaway et al. 2022; `inst/extdata/PRISMA.csv`), with the package's own default texts. Export
/// writes them in this order; import matches rows by their `data` key (title rows: by `box`).
struct PrismaTemplateRow {
    /// What the row's `n` holds.
    enum Content: Equatable {
        /// A count, `NA` when the box is not used.
        case count(PrismaCount)
        /// Named entries `Name 1, 12; Name 2, 30` (databases, registers).
        case entries(PrismaCount)
        /// Reports excluded: either a plain count or reasons `Reason 1, 12; Reason 2, 30`.
        case countOrEntries(PrismaCount)
        /// One source of the other-methods box, named by the row's `boxtext`.
        case otherSource(slot: Int)
        /// A title or phase band: no number.
        case heading
    }

    let data: String
    let node: String
    let box: String
    let description: String
    let boxtext: String
    let tooltip: String
    let url: String
    let content: Content
    /// The wording `boxtext` overrides.
    let label: PrismaLabel?
    /// The diagram box whose tooltip and link this row carries (only rows that start a node do).
    let diagramBox: PrismaBox?

    /// How rows are matched on import: the data key, or for title rows (data `NA`) the box.
    var key: String { data == "NA" ? box : data }

    /// `n` of rows without a number, as in the package's template.
    static let headingN = "0"

    static let header = ["data", "node", "box", "description", "boxtext", "tooltips", "url", "n"]

    private static func row(
        _ data: String, _ node: String, _ box: String, _ description: String, _ boxtext: String,
        _ tooltip: String,
        _ url: String, _ content: Content, _ label: PrismaLabel?, _ diagramBox: PrismaBox?
    ) -> PrismaTemplateRow {
        PrismaTemplateRow(
            data: data, node: node, box: box, description: description, boxtext: boxtext, tooltip: tooltip,
            url: url, content: content, label: label, diagramBox: diagramBox)
    }

    private static let reasonsHelp =
        "[separate reasons and numbers using ; e.g. Reason1, xxx; Reason2, xxx; Reason3, xxx]"

    static let all: [PrismaTemplateRow] = [
        row(
            "NA", "node4", "prevstud", "Grey title box; Previous studies", "Previous studies",
            "Grey title box; Previous studies", "prevstud.html", .heading, .previousReviewTitle,
            .previousReviewTitle),
        row(
            "previous_studies", "node5", "box1", "Studies included in previous version of review",
            "Studies included in previous version of review",
            "Studies included in previous version of review",
            "previous_studies.html", .count(.previousStudies), .previousStudies, .previousReview),
        row(
            "previous_reports", "NA", "box1", "Reports of studies included in previous version of review",
            "Reports of studies included in previous version of review", "NA", "previous_reports.html",
            .count(.previousReports), .previousReports, nil),
        row(
            "NA", "node6", "newstud",
            "Yellow title box; Identification of new studies via databases and registers",
            "Identification of new studies via databases and registers",
            "Yellow title box; Identification of new studies via databases and registers", "newstud.html",
            .heading,
            .databasesTitle, .databasesTitle),
        row(
            "database_results", "node7", "box2", "Records identified from: Databases", "Databases",
            "Records identified from: Databases and Registers", "database_results.html", .count(.databases),
            .databases, .recordsIdentified),
        row(
            "database_specific_results", "NA", "box2", "Records identified from: specific databases",
            "Specific Databases", "NA", "database_results.html", .entries(.databases), nil, nil),
        row(
            "register_results", "NA", "box2", "Records identified from: Registers", "Registers", "NA", "NA",
            .count(.registers), .registers, nil),
        row(
            "register_specific_results", "NA", "box2", "Records identified from: specific registers",
            "Specific Registers", "NA", "database_results.html", .entries(.registers), nil, nil),
        row(
            "NA", "node16", "othstud", "Grey title box; Identification of new studies via other methods",
            "Identification of new studies via other methods",
            "Grey title box; Identification of new studies via other methods", "othstud.html", .heading,
            .otherMethodsTitle, .otherMethodsTitle),
        row(
            "website_results", "node17", "box11", "Records identified from: Websites", "Websites",
            "Records identified from: Websites, Organisations and Citation Searching", "website_results.html",
            .otherSource(slot: 0), nil, .otherRecordsIdentified),
        row(
            "organisation_results", "", "box11", "Records identified from: Organisations", "Organisations",
            "NA", "NA",
            .otherSource(slot: 1), nil, nil),
        row(
            "citations_results", "NA", "box11", "Records identified from: Citation searching",
            "Citation searching",
            "NA", "NA", .otherSource(slot: 2), nil, nil),
        row(
            "duplicates", "node8", "box3", "Duplicate records", "Duplicate records", "Duplicate records",
            "duplicates.html", .count(.duplicates), .duplicates, .removedBeforeScreening),
        row(
            "excluded_automatic", "NA", "box3", "Records marked as ineligible by automation tools",
            "Records marked as ineligible by automation tools", "NA", "NA", .count(.automation),
            .automationTools, nil),
        row(
            "excluded_other", "NA", "box3", "Records removed for other reasons",
            "Records removed for other reasons",
            "NA", "NA", .count(.removedOther), .otherReasons, nil),
        row(
            "records_screened", "node9", "box4", "Records screened (databases and registers)",
            "Records screened",
            "Records screened (databases and registers)", "records_screened.html", .count(.recordsScreened),
            .recordsScreened, .recordsScreened),
        row(
            "records_excluded", "node10", "box5", "Records excluded (databases and registers)",
            "Records excluded",
            "Records excluded (databases and registers)", "records_excluded.html", .count(.recordsExcluded),
            .recordsExcluded, .recordsExcluded),
        row(
            "dbr_sought_reports", "node11", "box6", "Reports sought for retrieval (databases and registers)",
            "Reports sought for retrieval", "Reports sought for retrieval (databases and registers)",
            "dbr_sought_reports.html", .count(.reportsSought), .reportsSought, .reportsSought),
        row(
            "dbr_notretrieved_reports", "node12", "box7", "Reports not retrieved (databases and registers)",
            "Reports not retrieved", "Reports not retrieved (databases and registers)",
            "dbr_notretrieved_reports.html", .count(.reportsNotRetrieved), .reportsNotRetrieved,
            .reportsNotRetrieved),
        row(
            "other_sought_reports", "node18", "box12", "Reports sought for retrieval (other)",
            "Reports sought for retrieval", "Reports sought for retrieval (other)",
            "other_sought_reports.html",
            .count(.otherReportsSought), .otherReportsSought, .otherReportsSought),
        row(
            "other_notretrieved_reports", "node19", "box13", "Reports not retrieved (other)",
            "Reports not retrieved",
            "Reports not retrieved (other)", "other_notretrieved_reports.html",
            .count(.otherReportsNotRetrieved),
            .otherReportsNotRetrieved, .otherReportsNotRetrieved),
        row(
            "dbr_assessed", "node13", "box8", "Reports assessed for eligibility (databases and registers)",
            "Reports assessed for eligibility", "Reports assessed for eligibility (databases and registers)",
            "dbr_assessed.html", .count(.reportsAssessed), .reportsAssessed, .reportsAssessed),
        row(
            "dbr_excluded", "node14", "box9", "Reports excluded (databases and registers): \(reasonsHelp)",
            "Reports excluded", "Reports excluded (databases and registers)", "dbrexcludedrecords.html",
            .countOrEntries(.reportsExcluded), .reportsExcluded, .reportsExcluded),
        row(
            "other_assessed", "node20", "box14", "Reports assessed for eligibility (other)",
            "Reports assessed for eligibility", "Reports assessed for eligibility (other)",
            "other_assessed.html",
            .count(.otherReportsAssessed), .otherReportsAssessed, .otherReportsAssessed),
        row(
            "other_excluded", "node21", "box15", "Reports excluded (other): \(reasonsHelp)",
            "Reports excluded",
            "Reports excluded (other)", "other_excluded.html", .countOrEntries(.otherReportsExcluded),
            .otherReportsExcluded, .otherReportsExcluded),
        row(
            "new_studies", "node15", "box10", "New studies included in review",
            "New studies included in review",
            "New studies included in review", "new_studies.html", .count(.newStudies), .includedStudies,
            .includedStudies),
        row(
            "new_reports", "NA", "box10", "Reports of new included studies",
            "Reports of new included studies", "NA",
            "NA", .count(.newReports), .includedReports, nil),
        row(
            "total_studies", "node22", "box16", "Total studies included in review",
            "Total studies included in review",
            "Total studies included in review", "total_studies.html", .count(.totalStudies), .totalStudies,
            .totalStudies),
        row(
            "total_reports", "NA", "box16", "Reports of total included studies",
            "Reports of total included studies",
            "NA", "NA", .count(.totalReports), .totalReports, nil),
        row(
            "identification", "node1", "identification", "Blue identification box", "Identification",
            "Blue identification box", "identification.html", .heading, .identification, .identification),
        row(
            "screening", "node2", "screening", "Blue screening box", "Screening", "Blue screening box",
            "screening.html", .heading, .screening, .screening),
        row(
            "included", "node3", "included", "Blue included box", "Included", "Blue included box",
            "included.html",
            .heading, .included, .included),
    ]
}
