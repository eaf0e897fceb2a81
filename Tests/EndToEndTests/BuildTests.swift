import Foundation
import XCTest

/// The spine, end to end: the real binary builds the default review into a temporary folder.
final class BuildTests: XCTestCase {
    func testBuildsTheDefaultReview() throws {
        let out = try temporaryFolder(self).appendingPathComponent("report")
        let run = try ScopeReportRun.run(["build", "--out", out.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(
            run.stderr.contains("built \(out.path)/ from 40 studies: "),
            "summary line missing:\n\(run.stderr)")
        let files = try snapshot(out)
        for name in [
            "index.html", "report.md", "results.json", "manifest.json", "figures/studies-per-year.svg",
            "tables/per-year.md", "tables/per-year.csv", "tables/per-year.tex", "tables/studies.csv",
        ] {
            XCTAssertNotNil(files[name], "\(name) missing")
        }
        let html = String(decoding: files["index.html"]!, as: UTF8.self)
        XCTAssertTrue(html.contains("<svg"), "figures are inline")
        XCTAssertFalse(html.contains("src=\"figures/"), "no figure left as an external image")
        XCTAssertFalse(html.contains("raw HTML omitted"), "the templates produce no raw HTML")
        let results = try JSONSerialization.jsonObject(with: files["results.json"]!) as! [String: Any]
        XCTAssertEqual(results["studies.count"] as? Int, 40)
        XCTAssertEqual(results["subsets.diagnosis.count"] as? Int, 21)
    }

    func testManifestHashesEveryFile() throws {
        let out = try temporaryFolder(self).appendingPathComponent("report")
        XCTAssertEqual(try ScopeReportRun.run(["build", "--out", out.path]).status, 0)
        let files = try snapshot(out)
        let manifest = try JSONSerialization.jsonObject(with: files["manifest.json"]!) as! [String: Any]
        let outputs = manifest["outputs"] as! [String: String]
        XCTAssertEqual(Set(outputs.keys), Set(files.keys).subtracting(["manifest.json"]))
        // Each hash is its own file's (two threads make and hash the files): checked with sha256sum.
        let sums = Process()
        sums.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sums.arguments = ["sha256sum"] + outputs.keys.sorted()
        sums.currentDirectoryURL = out
        let pipe = Pipe()
        sums.standardOutput = pipe
        try sums.run()
        let listing = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        sums.waitUntilExit()
        for line in listing.split(separator: "\n") {
            let fields = line.split(separator: " ", maxSplits: 1)
            let path = String(fields[1].drop { $0 == " " || $0 == "*" })
            XCTAssertEqual(outputs[path], String(fields[0]), path)
        }
        XCTAssertEqual(listing.split(separator: "\n").count, outputs.count)
        let inputs = manifest["inputs"] as! [String: String]
        XCTAssertNotNil(inputs["data/studies.csv"])
        XCTAssertNotNil(inputs["templates/report.md"])
        XCTAssertEqual(manifest["version"] as? String, try ScopeReportRun.run(["--version"]).stdout.trimmed)
        XCTAssertFalse(
            String(decoding: files["manifest.json"]!, as: UTF8.self).contains(out.path), "no absolute path")
    }

    func testTwoBuildsAreByteIdenticalWhateverTheFolderTimeZoneOrLocale() throws {
        let first = try temporaryFolder(self)
        let second = try temporaryFolder(self).appendingPathComponent("elsewhere/deeper")
        try FileManager.default.createDirectory(at: second, withIntermediateDirectories: true)
        try copyDefaultReview(to: first)
        try copyDefaultReview(to: second)
        XCTAssertEqual(try ScopeReportRun.run(["build"], in: first).status, 0)
        var environment = ["TZ": "Pacific/Kiritimati", "LANG": "de_DE.UTF-8", "LC_ALL": "de_DE.UTF-8"]
        if let locales = try germanLocale() { environment["LOCPATH"] = locales.path }
        let run = try ScopeReportRun.run(["build"], in: second, environment: environment)
        XCTAssertEqual(run.status, 0, run.stderr)
        let a = try snapshot(first.appendingPathComponent("_report"))
        let b = try snapshot(second.appendingPathComponent("_report"))
        XCTAssertEqual(a.keys.sorted(), b.keys.sorted())
        for (name, bytes) in a where b[name] != bytes { XCTFail("\(name) differs between the two builds") }
        XCTAssertTrue(
            String(decoding: a["results.json"]!, as: UTF8.self).contains("0.5"), "decimal points, not commas")
    }

    func testFailedBuildLeavesThePreviousReportUntouched() throws {
        let folder = try temporaryFolder(self)
        try copyDefaultReview(to: folder)
        XCTAssertEqual(try ScopeReportRun.run(["build"], in: folder).status, 0)
        let before = try snapshot(folder.appendingPathComponent("_report"))
        // Break one cell: a non-integer patient count.
        let sheet = folder.appendingPathComponent("review-data/studies.csv")
        let text = try String(contentsOf: sheet, encoding: .utf8)
        try text.replacingOccurrences(of: ",430,,2,", with: ",430x,,2,").write(
            to: sheet, atomically: true, encoding: .utf8)
        let run = try ScopeReportRun.run(["build"], in: folder)
        XCTAssertEqual(run.status, 65)
        XCTAssertTrue(
            run.stderr.contains(
                "review-data/studies.csv:2:19: error: n_patients: \"430x\" is not an integer"), run.stderr)
        XCTAssertTrue(run.stderr.contains("the previous report was left as it was"))
        XCTAssertEqual(try snapshot(folder.appendingPathComponent("_report")), before)
    }

    func testUnchangedInputsDoNoWork() throws {
        let folder = try temporaryFolder(self)
        try copyDefaultReview(to: folder)
        XCTAssertEqual(try ScopeReportRun.run(["build"], in: folder).status, 0)
        let index = folder.appendingPathComponent("_report/index.html").path
        let modified = try FileManager.default.attributesOfItem(atPath: index)[.modificationDate] as! Date
        let inode = try FileManager.default.attributesOfItem(atPath: index)[.systemFileNumber] as! Int
        let run = try ScopeReportRun.run(["build"], in: folder)
        XCTAssertEqual(run.status, 0)
        XCTAssertTrue(run.stderr.contains("is up to date"), run.stderr)
        let attributes = try FileManager.default.attributesOfItem(atPath: index)
        XCTAssertEqual(attributes[.modificationDate] as? Date, modified)
        XCTAssertEqual(attributes[.systemFileNumber] as? Int, inode, "the folder was not swapped")
    }

    func testSourceDateEpochIsTheOnlyDateShown() throws {
        let out = try temporaryFolder(self).appendingPathComponent("report")
        let run = try ScopeReportRun.run(
            ["build", "--out", out.path], environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("on 2023-11-14"), "footer shows SOURCE_DATE_EPOCH as a date")
    }

    func testExitCodes() throws {
        let folder = try temporaryFolder(self)
        let missing = try ScopeReportRun.run(["build", "--data", "nowhere"], in: folder)
        XCTAssertEqual(missing.status, 66, missing.stderr)
        XCTAssertTrue(
            missing.stderr.contains("nowhere: error: the data folder does not exist"), missing.stderr)
        let usage = try ScopeReportRun.run(["build", "--out", "review-data"])
        XCTAssertEqual(usage.status, 64, "a usage error")
        XCTAssertTrue(usage.stderr.contains("--out review-data is the data folder"), usage.stderr)
        let root = try ScopeReportRun.run(["build", "--out", "/"])
        XCTAssertNotEqual(root.status, 0)
    }

    func testRefusesToReplaceAFolderThatIsNotAReport() throws {
        let folder = try temporaryFolder(self)
        let out = folder.appendingPathComponent("precious")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("thesis".utf8).write(to: out.appendingPathComponent("thesis.tex"))
        let run = try ScopeReportRun.run(["build", "--out", out.path])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertEqual(try snapshot(out), ["thesis.tex": Data("thesis".utf8)])
    }

    /// Builds a de_DE.UTF-8 locale with localedef (only C locales are installed here), or nil.
    private func germanLocale() throws -> URL? {
        let folder = try temporaryFolder(self)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/localedef")
        process.arguments = ["-i", "de_DE", "-f", "UTF-8", folder.appendingPathComponent("de_DE.UTF-8").path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? folder : nil
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
