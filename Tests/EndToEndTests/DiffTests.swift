import Foundation
import XCTest

/// `scopereport diff`: data folders built on the fly, report folders, git revisions, exit status as diff(1).
final class DiffTests: XCTestCase {
    /// Changes Vos2019's AUC from 0.83 to 0.93 in the copy's sheet (its rows end in CRLF).
    private func changeOneAUC(in folder: URL) throws {
        let sheet = folder.appendingPathComponent("review-data/studies.csv")
        let text = try String(contentsOf: sheet, encoding: .utf8)
        let start = try XCTUnwrap(
            text.range(of: "Vos2019,Vos M,")?.lowerBound, "the sheet no longer has Vos2019")
        let end = text[start...].firstIndex(where: \.isNewline) ?? text.endIndex
        let row = text[start..<end]
        XCTAssertEqual(row.components(separatedBy: ",0.83,").count, 2, "Vos2019's AUC is no longer 0.83")
        try (text[..<start] + row.replacingOccurrences(of: ",0.83,", with: ",0.93,") + text[end...])
            .write(to: sheet, atomically: true, encoding: .utf8)
    }

    /// `results.json` as key → the value's JSON text, read line by line (the file has one key per line).
    private func resultsText(_ report: URL) throws -> [String: String] {
        var values: [String: String] = [:]
        for line in try String(contentsOf: report.appendingPathComponent("results.json"), encoding: .utf8)
            .components(separatedBy: "\n")
        where line.hasPrefix("  \"") {
            let parts = line.dropFirst(3).components(separatedBy: "\": ")
            values[parts[0]] = parts[1].hasSuffix(",") ? String(parts[1].dropLast()) : parts[1]
        }
        return values
    }

    func testChangingOneAUCNamesTheStudyAndExactlyTheNumbersThatMoved() throws {
        let folder = try temporaryFolder(self)
        try copyDefaultReview(to: folder)
        try changeOneAUC(in: folder)
        let repository = ScopeReportRun.repository.path
        let run = try ScopeReportRun.run(["diff", "\(repository)/review-data", "review-data"], in: folder)
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(run.stderr, "")
        let lines = run.stdout.components(separatedBy: "\n")
        XCTAssertEqual(Array(lines.prefix(3)), ["Studies: 1 changed", "  ~ Vos2019  auc: 0.83 → 0.93", ""])

        // The oracle: build both reports and compare their results.json key by key.
        for (data, out) in [("\(repository)/review-data", "old"), ("review-data", "new")] {
            let build = try ScopeReportRun.run(
                ["build", "--data", data, "--templates", "templates", "--out", out, "--quiet"], in: folder)
            XCTAssertEqual(build.status, 0, build.stderr)
        }
        let old = try resultsText(folder.appendingPathComponent("old"))
        let new = try resultsText(folder.appendingPathComponent("new"))
        XCTAssertEqual(Set(old.keys), Set(new.keys))
        let moved = Set(old.keys.filter { old[$0] != new[$0] })
        XCTAssertTrue(moved.contains("descriptives.auc.mean"))
        XCTAssertFalse(moved.contains { $0.hasPrefix("prisma.") }, "the PRISMA section would list these")

        let listed = Set(
            lines.compactMap { line -> String? in
                guard line.hasSuffix("]") || line.contains("]  "), let open = line.range(of: "  [") else {
                    return nil
                }
                return String(line[open.upperBound...].prefix { $0 != "]" })
            })
        XCTAssertEqual(listed, moved, "diff lists exactly the results whose values changed")
        XCTAssertTrue(lines.contains("Results: \(moved.count) changed"), run.stdout)
        for key in [
            "descriptives.auc.mean", "descriptives.auc.median",
            "correlations.metrics-vs-samples.auc.pearson.p",
        ] {
            XCTAssertTrue(run.stdout.contains(": \(old[key]!) → \(new[key]!)  [\(key)]"), key)
        }
        XCTAssertTrue(
            lines.contains(
                "  median of auc: \(old["descriptives.auc.median"]!) → \(new["descriptives.auc.median"]!)  [descriptives.auc.median]"
            ), run.stdout)
        for unrelated in [
            "descriptives.accuracy.mean", "studies.count", "descriptives.auc.n", "frequencies.modalities",
        ] {
            XCTAssertFalse(run.stdout.contains("[\(unrelated)"), unrelated)
        }
        XCTAssertTrue(run.stdout.contains("      Vos2019 / AUC: 0.83 → 0.93\n"), run.stdout)
        XCTAssertTrue(run.stdout.contains("  ~ descriptives: "), run.stdout)
        XCTAssertTrue(
            run.stdout.contains("Figures: 1 changed\n  ~ metrics-vs-samples.svg:\n      \"AUC: n = 15, r = "),
            run.stdout)
        // tables.docx holds the same tables, whose cells are compared from their CSV files: the zip's
        // changed bytes are not a change of their own.
        XCTAssertFalse(run.stdout.contains("docx"), run.stdout)

        // The same diff from the two built report folders, as Markdown and JSON.
        let markdown = try ScopeReportRun.run(["diff", "old", "new", "--format", "markdown"], in: folder)
        XCTAssertEqual(markdown.status, 1, markdown.stderr)
        XCTAssertTrue(markdown.stdout.hasPrefix("## ScopeReport diff\n"), markdown.stdout)
        XCTAssertTrue(markdown.stdout.contains("| `Vos2019` | `auc` | 0.83 | 0.93 |\n"), markdown.stdout)
        let json = try ScopeReportRun.run(["diff", "old", "new", "--format", "json"], in: folder)
        XCTAssertEqual(json.status, 1, json.stderr)
        let object = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let results = try XCTUnwrap(object["results"] as? [String: Any])
        let changed = try XCTUnwrap(results["changed"] as? [[String: Any]])
        XCTAssertEqual(Set(changed.compactMap { $0["key"] as? String }), moved)
    }

    func testIdenticalInputsExitZeroAndPrintNothing() throws {
        let folder = try temporaryFolder(self)
        try copyDefaultReview(to: folder)
        let data = try ScopeReportRun.run(
            ["diff", "review-data", ScopeReportRun.repository.path + "/review-data"], in: folder)
        XCTAssertEqual(data.status, 0, data.stderr)
        XCTAssertEqual(data.stdout + data.stderr, "")

        for out in ["one", "two"] {
            XCTAssertEqual(try ScopeReportRun.run(["build", "--out", out, "--quiet"], in: folder).status, 0)
        }
        for format in ["text", "markdown", "json"] {
            let reports = try ScopeReportRun.run(["diff", "one", "two", "--format", format], in: folder)
            XCTAssertEqual(reports.status, 0, reports.stderr)
            XCTAssertEqual(reports.stdout + reports.stderr, "", format)
        }
    }

    func testGitHeadAgainstItselfHasNoDifferences() throws {
        let run = try ScopeReportRun.run(["diff", "--git", "HEAD", "HEAD"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout + run.stderr, "")
    }

    func testGitReadsCommittedRevisionsAndLeavesTheWorkTreeAlone() throws {
        let folder = try temporaryFolder(self)
        try copyDefaultReview(to: folder)
        try git(["init", "--quiet"], in: folder)
        try git(["add", "review-data", "templates"], in: folder)
        try git(["commit", "--quiet", "-m", "data"], in: folder)
        try changeOneAUC(in: folder)
        try git(["commit", "--quiet", "-am", "Vos2019: AUC 0.93"], in: folder)
        // An uncommitted edit must neither be read nor touched.
        let sheet = folder.appendingPathComponent("review-data/studies.csv")
        let committed = try String(contentsOf: sheet, encoding: .utf8)
        let uncommitted = committed.replacingOccurrences(of: "\nVos2019,Vos M,", with: "\nVos2019,Vos MX,")
        XCTAssertNotEqual(uncommitted, committed)
        try uncommitted.write(to: sheet, atomically: true, encoding: .utf8)
        let status = try git(["status", "--porcelain"], in: folder)

        let run = try ScopeReportRun.run(["diff", "--git", "HEAD~1", "HEAD"], in: folder)
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(
            run.stdout.hasPrefix("Studies: 1 changed\n  ~ Vos2019  auc: 0.83 → 0.93\n\n"), run.stdout)
        XCTAssertFalse(run.stdout.contains("Vos MX"), run.stdout)
        XCTAssertEqual(try git(["status", "--porcelain"], in: folder), status)
        XCTAssertEqual(try String(contentsOf: sheet, encoding: .utf8), uncommitted)

        let same = try ScopeReportRun.run(["diff", "--git", "HEAD", "HEAD"], in: folder)
        XCTAssertEqual(same.status, 0, same.stderr)
        XCTAssertEqual(same.stdout, "")
    }

    func testTroubleExitsTwo() throws {
        let folder = try temporaryFolder(self)
        try copyDefaultReview(to: folder)
        let cases: [([String], String)] = [
            (["diff", "missing", "review-data"], "error: missing: no such folder\n"),
            (
                ["diff", "templates", "review-data"],
                "error: templates: neither a report folder (no manifest.json) nor a data folder (no review.yaml)\n"
            ),
            (["diff", "review-data"], "error: expected two folders (OLD and NEW), got 1\n"),
            (
                ["diff", "review-data", "review-data", "--format", "html"],
                "error: --format must be text, markdown or json, not 'html'\n"
            ),
            (["diff", "review-data", "review-data", "--bogus"], "error: unknown option '--bogus'\n"),
            (["diff", "--git", "HEAD", "HEAD"], "error: not inside a git repository"),
        ]
        for (arguments, message) in cases {
            let run = try ScopeReportRun.run(arguments, in: folder)
            XCTAssertEqual(run.status, 2, arguments.joined(separator: " "))
            XCTAssertEqual(run.stdout, "")
            XCTAssertTrue(run.stderr.hasPrefix(message), run.stderr)
        }
        let unknown = try ScopeReportRun.run(["diff", "--git", "no-such-revision", "HEAD"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertEqual(unknown.stderr, "error: unknown revision 'no-such-revision'\n")
    }

    func testAFailedBuildPrintsItsDiagnosticsAndExitsTwo() throws {
        let folder = try temporaryFolder(self)
        try copyDefaultReview(to: folder)
        let sheet = folder.appendingPathComponent("review-data/studies.csv")
        let text = try String(contentsOf: sheet, encoding: .utf8)
        let broken = text.replacingOccurrences(of: "\nVos2019,Vos M,2019,", with: "\nVos2019,Vos M,twenty,")
        XCTAssertNotEqual(broken, text)
        try broken.write(to: sheet, atomically: true, encoding: .utf8)
        let run = try ScopeReportRun.run(
            ["diff", ScopeReportRun.repository.path + "/review-data", "review-data"], in: folder)
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stdout, "")
        XCTAssertTrue(
            run.stderr.contains("review-data/studies.csv:15:3: error: year: \"twenty\" is not a year"),
            run.stderr)
        XCTAssertTrue(
            run.stderr.hasSuffix(
                "error: building a report from review-data failed (scopereport build exited 65)\n"),
            run.stderr)
    }

    @discardableResult
    private func git(_ arguments: [String], in folder: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            [
                "git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c",
                "commit.gpgsign=false", "-c", "init.defaultBranch=main",
            ] + arguments
        process.currentDirectoryURL = folder
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "git \(arguments.joined(separator: " "))")
        return String(decoding: data, as: UTF8.self)
    }
}
