import FlyingFox
import Foundation
import ScopePublish
import ScopeSystem

/// Serves the report folder over HTTP for `scopereport serve`: `index.html` at `/`, with a script
/// that reloads the page after each rebuild (only the served copy has it; the file on disk has not),
/// or the build's errors in its place while the inputs do not build; the folder's other files under
/// it. Nothing outside the report folder is served.
struct PreviewServer: Sendable {
    let reportFolder: String
    let state: PreviewState

    /// The page asks this address with the generation it shows, and is answered as soon as a newer
    /// one exists, or after 10 s with the same (then it asks again): a long poll, which needs no
    /// streaming from the server and reloads the page within a few milliseconds of the build.
    static let waitPath = "/__scopereport/wait"

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        if request.path == Self.waitPath {
            return await waitForBuild(after: Int(request.query["since"] ?? ""))
        }
        if request.path == "/" || request.path == "/index.html" { return page() }
        guard let relative = Self.confined(request.path),
            case .success(let bytes) = LocalFiles.readRegularFile(reportFolder + "/" + relative)
        else {
            return Self.response(.notFound, type: "text/plain; charset=utf-8", Data("not found\n".utf8))
        }
        return Self.response(.ok, type: Self.contentType(of: relative), Data(bytes))
    }

    private func waitForBuild(after shown: Int?) async -> HTTPResponse {
        let deadline = Date().addingTimeInterval(10)
        var generation = state.snapshot.generation
        while generation == shown, Date() < deadline {
            try? await Task.sleep(nanoseconds: 20_000_000)
            generation = state.snapshot.generation
        }
        return Self.response(.ok, type: "text/plain; charset=utf-8", Data("\(generation)".utf8))
    }

    private func page() -> HTTPResponse {
        let snapshot = state.snapshot
        let script = Self.reloadScript(generation: snapshot.generation)
        if let failure = snapshot.failure {
            let page = Self.notice(
                "The report does not build",
                "Fix these and save: the page reloads by itself. The last report that built is still on disk, as it was.",
                failure, script)
            return Self.response(.ok, type: "text/html; charset=utf-8", Data(page.utf8))
        }
        guard case .success(let bytes) = LocalFiles.readRegularFile(reportFolder + "/index.html") else {
            let page = Self.notice(
                "Building the report…", "The page shows it as soon as it is built.", [], script)
            return Self.response(.ok, type: "text/html; charset=utf-8", Data(page.utf8))
        }
        var html = String(decoding: bytes, as: UTF8.self)
        if let end = html.range(of: "</body>", options: .backwards) {
            html.insert(contentsOf: script, at: end.lowerBound)
        } else {
            html += script
        }
        return Self.response(.ok, type: "text/html; charset=utf-8", Data(html.utf8))
    }

    /// The request's path inside the report folder, or nil when it would leave it or name a hidden
    /// file: no `..`, no `.` component, no empty one.
    static func confined(_ path: String) -> String? {
        let components = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard !components.isEmpty,
            components.allSatisfy({ !$0.isEmpty && !$0.hasPrefix(".") && !$0.contains("\\") })
        else { return nil }
        return components.joined(separator: "/")
    }

    private static func contentType(of path: String) -> String {
        let types = [
            "html": "text/html; charset=utf-8", "svg": "image/svg+xml", "css": "text/css; charset=utf-8",
            "json": "application/json", "csv": "text/csv; charset=utf-8",
            "md": "text/markdown; charset=utf-8",
            "tex": "text/plain; charset=utf-8", "png": "image/png",
            "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ]
        return types[String(path.split(separator: ".").last ?? "")] ?? "application/octet-stream"
    }

    private static func response(_ status: HTTPStatusCode, type: String, _ body: Data) -> HTTPResponse {
        // Never cached: a reload must show the new build.
        HTTPResponse(
            statusCode: status, headers: [.contentType: type, .cacheControl: "no-store"], body: body)
    }

    /// Asks for the next build and reloads when it comes; while the server is away (stopped, or
    /// between runs), asks again every second.
    static func reloadScript(generation: Int) -> String {
        """
        <script>
        (function () {
          var shown = \(generation);
          function wait() {
            fetch("\(waitPath)?since=" + shown, { cache: "no-store" })
              .then(function (response) { return response.text(); })
              .then(function (text) { if (Number(text) !== shown) location.reload(); else wait(); },
                    function () { setTimeout(wait, 1000); });
          }
          wait();
        })();
        </script>

        """
    }

    /// A page of the server's own: the build's errors, or word that the first build is under way.
    static func notice(_ heading: String, _ text: String, _ lines: [String], _ script: String) -> String {
        let escaped = lines.map { HTMLText.escape($0) }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>\(heading) · scopereport serve</title>
            <style>body { font: 1rem/1.5 system-ui, sans-serif; margin: 2rem; color: #1d1d1f; }
            pre { white-space: pre-wrap; background: #fbeaea; border-left: 4px solid #b00020; padding: 1rem; }</style>
            </head>
            <body>
            <main>
            <h1>\(heading)</h1>
            <p>\(text)</p>
            \(lines.isEmpty ? "" : "<pre id=\"build-errors\">\(escaped.joined(separator: "\n"))</pre>")
            </main>
            \(script)</body>
            </html>

            """
    }
}
