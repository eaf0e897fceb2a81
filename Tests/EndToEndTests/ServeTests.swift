import Foundation
import XCTest

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `scopereport serve` as an author uses it: the page is served with its reload script, a save
/// rebuilds and wakes the page, a broken cell shows its located error in the page while the report
/// on disk stays as it was, and Ctrl-C stops it cleanly.
final class ServeTests: XCTestCase {
    /// A running `scopereport serve --port 0` and what it has printed so far.
    private final class Server: @unchecked Sendable {
        let process = Process()
        private let lock = NSLock()
        private var printed = ""

        init(in folder: URL, _ arguments: [String] = []) throws {
            process.executableURL = ScopeReportRun.executable
            process.arguments = ["serve", "--port", "0"] + arguments
            process.currentDirectoryURL = folder
            let pipe = Pipe()
            process.standardError = pipe
            process.standardOutput = FileHandle.nullDevice
            pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let data = handle.availableData
                guard let self else { return }
                self.lock.withLock { self.printed += String(decoding: data, as: UTF8.self) }
            }
            try process.run()
        }

        var output: String { lock.withLock { printed } }

        /// The port it printed, once it listens and its first build is done.
        func port() throws -> Int {
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline {
                let built = output.contains("\nbuilt ") || output.contains(" is up to date ")
                if built,
                    let range = output.range(
                        of: #"serving http://127\.0\.0\.1:[0-9]+/"#, options: .regularExpression)
                {
                    return Int(output[range].dropFirst("serving http://127.0.0.1:".count).dropLast())!
                }
                usleep(20_000)
            }
            throw NotStarted(output: output)
        }

        struct NotStarted: Error { var output: String }
    }

    private static func get(_ url: String, timeout: TimeInterval = 15) throws -> (status: Int, body: String) {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: (Int, String)?
        var request = URLRequest(url: URL(string: url)!)
        request.timeoutInterval = timeout
        URLSession.shared.dataTask(with: request) { data, response, _ in
            result = (
                (response as? HTTPURLResponse)?.statusCode ?? 0,
                String(decoding: data ?? Data(), as: UTF8.self)
            )
            done.signal()
        }.resume()
        XCTAssertEqual(done.wait(timeout: .now() + timeout + 1), .success, url)
        return result ?? (0, "")
    }

    /// Polls `condition` for up to five seconds.
    private func eventually(_ what: String, _ condition: () throws -> Bool) rethrows {
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            if try condition() { return }
            usleep(50_000)
        }
        XCTFail("not within 5 s: \(what)")
    }

    /// Saves as editors that write a new file and rename it over the old one do.
    private func saveByRename(_ file: URL, _ text: String) throws {
        let temporary = file.deletingLastPathComponent().appendingPathComponent(
            ".\(file.lastPathComponent).swp")
        try text.write(to: temporary, atomically: false, encoding: .utf8)
        XCTAssertEqual(rename(temporary.path, file.path), 0)
    }

    /// Saves templates/report.md with `line` under its title heading.
    private func addLineUnderTheTitle(_ line: String, in folder: URL) throws {
        let template = folder.appendingPathComponent("templates/report.md")
        let text = try String(contentsOf: template, encoding: .utf8)
        let title = "# {{metadata.title}}\n"
        XCTAssertTrue(text.contains(title))
        try saveByRename(template, text.replacingOccurrences(of: title, with: title + "\n\(line)\n"))
    }

    func testServeRebuildsOnSaveShowsErrorsAndStopsCleanly() throws {
        let folder = try temporaryFolder(self)
        try copyDefaultReview(to: folder)
        let server = try Server(in: folder)
        defer { if server.process.isRunning { server.process.terminate() } }
        let base = "http://127.0.0.1:\(try server.port())"

        // The served page carries the reload script; the file on disk does not.
        var page = try Self.get(base + "/")
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.body.contains("/__scopereport/wait"), page.body)
        let onDisk = try String(
            contentsOf: folder.appendingPathComponent("_report/index.html"), encoding: .utf8)
        XCTAssertFalse(onDisk.contains("__scopereport"))
        XCTAssertEqual(try Self.get(base + "/figures/prisma.svg").status, 200)
        XCTAssertEqual(try Self.get(base + "/tables.docx").status, 200)
        XCTAssertEqual(try Self.get(base + "/manifest.json").status, 200)
        // Nothing outside the report folder.
        XCTAssertEqual(try Self.get(base + "/..%2Freview-data%2Fstudies.csv").status, 404)
        XCTAssertEqual(try Self.get(base + "/figures/..%2F..%2Freview-data/review.yaml").status, 404)

        // A save wakes a page waiting on the generation it shows, and the page then has the change.
        let shown = try XCTUnwrap(
            page.body.range(of: #"var shown = [0-9]+"#, options: .regularExpression).map {
                Int(page.body[$0].dropFirst("var shown = ".count))!
            })
        let woken = expectation(description: "the waiting page is answered with a newer generation")
        DispatchQueue.global().async {
            if let answer = try? Self.get(base + "/__scopereport/wait?since=\(shown)"),
                Int(answer.body) ?? 0 > shown
            {
                woken.fulfill()
            }
        }
        usleep(200_000)
        try addLineUnderTheTitle("Edited while served.", in: folder)
        wait(for: [woken], timeout: 10)
        page = try Self.get(base + "/")
        XCTAssertTrue(page.body.contains("Edited while served."), server.output)

        // A broken cell: the page shows the located error, as the build prints it; the report on
        // disk is the last one that built.
        let before = try snapshot(folder.appendingPathComponent("_report"))
        let sheet = folder.appendingPathComponent("review-data/studies.csv")
        let good = try String(contentsOf: sheet, encoding: .utf8)
        try saveByRename(sheet, good.replacingOccurrences(of: ",430,,2,", with: ",430x,,2,"))
        let located = #"review-data/studies.csv:2:19: error: n_patients: &quot;430x&quot; is not an integer"#
        try eventually("the error page") {
            let body = try Self.get(base + "/").body
            return body.contains(located)
                || body.contains(
                    #"review-data/studies.csv:2:19: error: n_patients: "430x" is not an integer"#)
        }
        XCTAssertEqual(try snapshot(folder.appendingPathComponent("_report")), before)
        // Fixed again: the report is back.
        try saveByRename(sheet, good)
        try eventually("the report back") { try Self.get(base + "/").body.contains("Edited while served.") }
        // A broken template, the same way: its located error in the page.
        let template = folder.appendingPathComponent("templates/report.md")
        let edited = try String(contentsOf: template, encoding: .utf8)
        try saveByRename(template, edited + "\n{{#studies}}\n")
        try eventually("the template's error") {
            try Self.get(base + "/").body.contains("error: {{#studies}} is never closed by {{/studies}}")
        }
        try saveByRename(template, edited)
        try eventually("the report back again") {
            try Self.get(base + "/").body.contains("Edited while served.")
        }

        // Ctrl-C: it stops, with status 0.
        kill(server.process.processIdentifier, SIGINT)
        eventually("the server stopped") { !server.process.isRunning }
        server.process.waitUntilExit()
        XCTAssertEqual(server.process.terminationStatus, 0, server.output)
        XCTAssertTrue(server.output.hasSuffix("stopped\n"), server.output)
    }

    /// The second fixture review (other columns, other templates) is served and rebuilt the same way.
    func testServeRebuildsTheSecondReview() throws {
        let folder = try temporaryFolder(self)
        try copySecondReview(to: folder)
        let server = try Server(
            in: folder, ["--data", "data", "--templates", "templates", "--out", "report"])
        defer { if server.process.isRunning { server.process.terminate() } }
        let base = "http://127.0.0.1:\(try server.port())"
        XCTAssertTrue(
            try Self.get(base + "/").body.contains(
                "Nurse-led interventions against falls and pressure ulcers"),
            server.output)
        // A second server on the same port says so and exits 73.
        let port = try server.port()
        let second = try ScopeReportRun.run(
            ["serve", "--port", "\(port)", "--data", "data", "--templates", "templates", "--out", "report"],
            in: folder, watchdog: 60)
        XCTAssertEqual(second.status, 73, second.stderr)
        XCTAssertTrue(
            second.stderr.contains("cannot listen on 127.0.0.1:\(port): the port is in use"), second.stderr)
        try addLineUnderTheTitle("Second review, edited.", in: folder)
        try eventually("the edit served") { try Self.get(base + "/").body.contains("Second review, edited.") }
        kill(server.process.processIdentifier, SIGINT)
        server.process.waitUntilExit()
        XCTAssertEqual(server.process.terminationStatus, 0, server.output)
    }
}
