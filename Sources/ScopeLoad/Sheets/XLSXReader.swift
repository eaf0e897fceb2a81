import Foundation
import ScopeDiagnostics

/// Reads one worksheet of an Excel workbook (`.xlsx`) into a `RawSheet`: the first row is the header,
/// every cell becomes the text Excel would show for its stored value (numbers as shortest round-trip
/// decimals, dates as ISO `YYYY-MM-DD`, booleans as `TRUE`/`FALSE`, errors as `#DIV/0!`), and every
/// cell is located as `Sheet!G14`. All failures are thrown as a `DiagnosticsError` located at
/// `displayPath`.
public enum XLSXReader {
    /// - Parameter sheet: the worksheet's name; nil reads the first sheet in tab order.
    public static func read(
        _ url: URL, displayPath: String, sheet: String?, limits: XLSXLimits = .default
    ) throws(DiagnosticsError) -> RawSheet {
        let problems = XLSXProblems(displayPath: displayPath)
        let package = try XLSXPackage(url: url, limits: limits, problems: problems)
        let workbook = try XLSXWorkbookParser.parse(
            package.read(workbookPart, neededFor: "the list of sheets"), part: workbookPart, limits: limits,
            problems: problems)
        let relationships = try XLSXRelationshipsParser.parse(
            package.read(relationshipsPart, neededFor: "where each sheet is stored"), part: relationshipsPart,
            sourceFolder: "xl", limits: limits, problems: problems)
        let chosen = try choose(sheet, in: workbook, problems: problems)
        guard let target = relationships[chosen.relationshipID] else {
            throw problems.error(
                "sheet '\(chosen.name)' refers to relationship \(chosen.relationshipID), which "
                    + "\(relationshipsPart) does not define")
        }
        guard target.hasType("worksheet") else {
            throw problems.error("sheet '\(chosen.name)' is not a worksheet (it is a chart or dialog sheet)")
        }
        var context = XLSXWorksheetParser.Context(
            sheetName: chosen.name, sharedStrings: [], numberPresentations: [],
            uses1904Dates: workbook.uses1904Dates)
        // Shared strings and styles are optional: a workbook without text or formatting may omit them.
        if let (data, part) = try relatedPart(ofType: "sharedStrings", in: relationships, package: package) {
            context.sharedStrings = try XLSXSharedStringsParser.parse(
                data, part: part, limits: limits, problems: problems)
        }
        if let (data, part) = try relatedPart(ofType: "styles", in: relationships, package: package) {
            context.numberPresentations = try XLSXStylesParser.parse(
                data, part: part, limits: limits, problems: problems)
        }
        let rows = try XLSXWorksheetParser.parse(
            package.read(target.part, neededFor: "sheet '\(chosen.name)'"), part: target.part,
            context: context,
            limits: limits, problems: problems)
        return try rawSheet(from: rows, named: chosen.name, problems: problems)
    }

    private static let workbookPart = "xl/workbook.xml"
    private static let relationshipsPart = "xl/_rels/workbook.xml.rels"

    private static func choose(
        _ name: String?, in workbook: XLSXWorkbook, problems: XLSXProblems
    )
        throws(DiagnosticsError) -> XLSXWorkbook.Sheet
    {
        guard let first = workbook.sheets.first else {
            throw problems.error("the workbook has no sheets")
        }
        guard let name else { return first }
        guard let match = workbook.sheets.first(where: { $0.name == name }) else {
            let names = workbook.sheets.map(\.name).joined(separator: ", ")
            throw problems.error("no sheet named '\(name)'; the workbook has: \(names)")
        }
        return match
    }

    /// The bytes and name of the workbook's part of a relationship type, if it has one.
    private static func relatedPart(
        ofType type: String, in relationships: [String: XLSXRelationship], package: XLSXPackage
    ) throws(DiagnosticsError) -> (Data, String)? {
        // Sorted by id so that a workbook with two such relationships always reads the same one.
        let candidates = relationships.sorted { $0.key < $1.key }.map(\.value)
        guard let relationship = candidates.first(where: { $0.hasType(type) }) else { return nil }
        return (try package.read(relationship.part, neededFor: "its \(type)"), relationship.part)
    }

    /// Row 1 is the header, even when it is empty and the data starts lower: locations stay true.
    private static func rawSheet(
        from rows: [[RawCell]], named name: String, problems: XLSXProblems
    )
        throws(DiagnosticsError) -> RawSheet
    {
        guard let header = rows.first else {
            throw problems.error(
                "the sheet '\(name)' is empty: expected a header row",
                cell: XLSXCellReference.sheetPrefix(name) + "A1")
        }
        return RawSheet(displayPath: problems.displayPath, header: header, rows: Array(rows.dropFirst()))
    }
}
