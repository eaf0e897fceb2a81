import ArgumentParser
import Foundation
import ScopePreview

/// Set by the signal handlers of `serve`; a signal handler may do no more than this.
nonisolated(unsafe) private var stopRequested: sig_atomic_t = 0

extension ScopeReport {
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Build, serve the report at http://127.0.0.1:PORT/, and rebuild on every save.",
            discussion: """
                Watches the data and templates folders; after each save it rebuilds OUT as `build` \
                does, and the open page reloads itself. While the inputs do not build, the page shows \
                the errors instead (the report on disk stays the last one that built). Only the served \
                page carries the reload script; OUT/index.html is as `build` writes it. Ctrl-C stops it.
                """)

        @OptionGroup var folders: Folders

        @Option(name: .long, help: "The port to listen on (0: any free port, printed at start).")
        var port: UInt16 = 8000

        @Option(
            name: .long,
            help: "The address to listen on; anything but 127.0.0.1 or ::1 opens it to the network.")
        var host = "127.0.0.1"

        func validate() throws {
            try folders.checkOutput()
        }

        func run() throws {
            if host != "127.0.0.1", host != "::1", host != "localhost" {
                Console.write(
                    "warning: serving on \(host): anyone who can reach this machine on port \(port) can read the report"
                )
            }
            let session = PreviewSession(folders: folders.build, version: ScopeReport.version) {
                Console.write($0)
            }
            let listening: UInt16
            do {
                listening = try session.listen(host: host == "localhost" ? "127.0.0.1" : host, port: port)
            } catch {
                Console.write("error: cannot listen on \(host):\(port): \(error)")
                throw ExitStatus.cannotWriteOutput
            }
            let shownHost = host.contains(":") ? "[\(host)]" : host
            Console.write("serving http://\(shownHost):\(listening)/ (Ctrl-C stops)")
            // Ctrl-C and SIGTERM end the session after the build under way: no half-written folder.
            signal(SIGINT) { _ in stopRequested = 1 }
            signal(SIGTERM) { _ in stopRequested = 1 }
            session.run(until: { stopRequested != 0 })
            Console.write("stopped")
        }
    }
}
