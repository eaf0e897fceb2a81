import ScopeLoad

/// What each box of the diagram says, in the template's wording (or the author's labels), with the
/// numbers written as "(n = 1,234)". A box whose numbers are all missing has no text and is not drawn.
extension PrismaFlow {
    /// Indent of entries under a heading ("Databases (n = 392)" under "Records identified from:").
    static let entryIndent = 10.0

    func paragraphs(for box: PrismaBox) -> [Paragraph]? {
        let paragraphs: [Paragraph]
        switch box {
        case .identification, .screening, .included, .previousReviewTitle, .databasesTitle,
            .otherMethodsTitle:
            return [Paragraph(text(titleLabel(box)), bold: true)]
        case .previousReview:
            paragraphs = [
                inline(.previousStudies, counts[.previousStudies]),
                inline(.previousReports, counts[.previousReports]),
            ].compactMap { $0 }
        case .recordsIdentified:
            let sources = listed(.databases, label: .databases) + listed(.registers, label: .registers)
            paragraphs = sources.isEmpty ? [] : [heading(.recordsIdentified)] + sources
        case .removedBeforeScreening:
            let items: [(PrismaLabel, PrismaCount)] = [
                (.duplicates, .duplicates), (.automationTools, .automation), (.otherReasons, .removedOther),
            ]
            let entries = items.compactMap { label, count in
                counts[count].map { Paragraph("\(text(label)) \(n($0))", indent: Self.entryIndent) }
            }
            paragraphs = entries.isEmpty ? [] : [heading(.removedBeforeScreening)] + entries
        case .recordsScreened: paragraphs = single(.recordsScreened, .recordsScreened)
        case .recordsExcluded: paragraphs = single(.recordsExcluded, .recordsExcluded)
        case .reportsSought: paragraphs = single(.reportsSought, .reportsSought)
        case .reportsNotRetrieved: paragraphs = single(.reportsNotRetrieved, .reportsNotRetrieved)
        case .reportsAssessed: paragraphs = single(.reportsAssessed, .reportsAssessed)
        case .reportsExcluded: paragraphs = excluded(.reportsExcluded, .reportsExcluded)
        case .otherRecordsIdentified:
            let sources = otherMethodRecords.map {
                Paragraph("\($0.name) \(n($0.count))", indent: Self.entryIndent)
            }
            paragraphs = sources.isEmpty ? [] : [heading(.otherRecordsIdentified)] + sources
        case .otherReportsSought: paragraphs = single(.otherReportsSought, .otherReportsSought)
        case .otherReportsNotRetrieved:
            paragraphs = single(.otherReportsNotRetrieved, .otherReportsNotRetrieved)
        case .otherReportsAssessed: paragraphs = single(.otherReportsAssessed, .otherReportsAssessed)
        case .otherReportsExcluded: paragraphs = excluded(.otherReportsExcluded, .otherReportsExcluded)
        case .includedStudies:
            paragraphs = [
                inline(.includedStudies, counts[.newStudies]), inline(.includedReports, counts[.newReports]),
            ]
            .compactMap { $0 }
        case .totalStudies:
            paragraphs = [
                inline(.totalStudies, counts[.totalStudies]), inline(.totalReports, counts[.totalReports]),
            ]
            .compactMap { $0 }
        }
        return paragraphs.isEmpty ? nil : paragraphs
    }

    // MARK: - Pieces

    private func text(_ label: PrismaLabel) -> String { style.text(label, isUpdate: isUpdate) }

    /// "(n = 1,234)", kept on one line when wrapped.
    private func n(_ value: Int) -> String {
        let space = RunWrapping.noBreakSpace
        return "(n\(space)=\(space)\(CountFormatting.grouped(value)))"
    }

    private func titleLabel(_ box: PrismaBox) -> PrismaLabel {
        switch box {
        case .identification: .identification
        case .screening: .screening
        case .included: .included
        case .previousReviewTitle: .previousReviewTitle
        case .otherMethodsTitle: .otherMethodsTitle
        default: .databasesTitle
        }
    }

    /// "Records identified from:", the label bold when titles are; a stated total stays regular.
    private func heading(_ label: PrismaLabel, count: Int? = nil) -> Paragraph {
        let wording = text(label)
        guard let count else {
            return Paragraph(wording.hasSuffix(":") ? wording : wording + ":", bold: style.boldTitles)
        }
        let bare = wording.hasSuffix(":") ? String(wording.dropLast()) : wording
        return Paragraph([
            TextRun(text: bare, bold: style.boldTitles), TextRun(text: n(count) + ":", bold: false),
        ])
    }

    /// The label, then "(n = …)" on its own line, as the template sets single-number boxes.
    private func single(_ label: PrismaLabel, _ count: PrismaCount) -> [Paragraph] {
        guard let value = counts[count] else { return [] }
        return [Paragraph(text(label), bold: style.boldTitles), Paragraph(n(value))]
    }

    /// "Studies included in review (n = 38)": the label and its number in one paragraph.
    private func inline(_ label: PrismaLabel, _ value: Int?) -> Paragraph? {
        guard let value else { return nil }
        return Paragraph([
            TextRun(text: text(label), bold: style.boldTitles), TextRun(text: n(value), bold: false),
        ])
    }

    /// "Databases (n = 392)" with each database below it (the total is the stated one or, as the same
    /// box's number, the sum of the list).
    private func listed(_ count: PrismaCount, label: PrismaLabel) -> [Paragraph] {
        guard let total = total(count) else { return [] }
        return [Paragraph("\(text(label)) \(n(total))", indent: Self.entryIndent)]
            + namedEntries(of: count).map {
                Paragraph("\($0.name) \(n($0.count))", indent: 2 * Self.entryIndent)
            }
    }

    /// "Reports excluded:" with each reason, or the label and its number when no reasons are given.
    private func excluded(_ label: PrismaLabel, _ count: PrismaCount) -> [Paragraph] {
        let reasons = namedEntries(of: count)
        guard !reasons.isEmpty else { return single(label, count) }
        return [heading(label, count: counts[count])]
            + reasons.map { Paragraph("\($0.name) \(n($0.count))", indent: Self.entryIndent) }
    }
}
