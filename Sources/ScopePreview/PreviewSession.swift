import FlyingFox
import FlyingSocks
import Foundation
import ScopeBuild

/// `scopereport serve`: builds the report, serves it, and rebuilds whenever an input is saved; the
/// open page reloads itself after each build, or shows the build's errors while the inputs do not
/// build (the report on disk stays the last one that did, as `build` leaves it).
///
/// The inputs are watched by looking at them ten times a second (`InputSignature`): a review has a
/// few dozen files, and a poll needs nothing of the system and sees every kind of save.
public final class PreviewSession: @unchecked Sendable {
    private let folders: BuildFolders
    private let version: String
    private let log: @Sendable (String) -> Void
    private let state = PreviewState()
    private var server: HTTPServer?

    public init(folders: BuildFolders, version: String, log: @escaping @Sendable (String) -> Void) {
        self.folders = folders
        self.version = version
        self.log = log
    }

    /// Starts serving on `host:port` (port 0: any free port) and returns the port it listens on.
    public func listen(host: String, port: UInt16) throws -> UInt16 {
        let address: any SocketAddress =
            host.contains(":")
            ? try sockaddr_in6.inet6(ip6: host, port: port) : try sockaddr_in.inet(ip4: host, port: port)
        let pages = PreviewServer(reportFolder: folders.outURL.path, state: state)
        // The long poll holds a request for 10 s; the timeout must outlast it.
        let server = HTTPServer(
            address: address, timeout: 30, logger: .disabled,
            handler: ClosureHTTPHandler { await pages.respond(to: $0) })
        self.server = server
        let started = StartResult()
        Task {
            do { try await server.run() } catch { started.finish(.failure(error)) }
        }
        Task {
            do {
                try await server.waitUntilListening(timeout: 10)
                switch await server.listeningAddress {
                case .ip4(_, let port), .ip6(_, let port): started.finish(.success(port))
                default: started.finish(.success(port))
                }
            } catch {
                started.finish(.failure(error))
            }
        }
        do {
            return try started.wait()
        } catch SocketError.failed(_, let number, let message) {
            throw ListenFailure(
                reason: number == EADDRINUSE ? "the port is in use; choose another with --port" : message)
        } catch {
            throw ListenFailure(reason: "\(error)")
        }
    }

    /// Why the server could not listen, in words for the terminal.
    public struct ListenFailure: Error, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    /// Builds, then rebuilds after every change of the inputs until `stopped()` says so (asked ten
    /// times a second, never during a build: the report folder is never left half written). The
    /// inputs are looked at before the first build, so that a save during it is not missed.
    public func run(until stopped: () -> Bool) {
        let watched = [folders.dataURL.path, folders.templatesURL.path]
        var signature = InputSignature(folders: watched)
        build()
        while !stopped() {
            usleep(100_000)
            var now = InputSignature(folders: watched)
            guard now != signature else { continue }
            // An editor may write a file in several steps: build once the inputs hold still for 50 ms.
            while !stopped() {
                usleep(50_000)
                let again = InputSignature(folders: watched)
                if again == now { break }
                now = again
            }
            signature = now
            if !stopped() { build() }
        }
        if let server {
            let stopped = DispatchSemaphore(value: 0)
            Task {
                await server.stop(timeout: 1)
                stopped.signal()
            }
            stopped.wait()
        }
    }

    /// Builds once, as `build` does, and tells the terminal and the page how it went.
    private func build() {
        let started = DispatchTime.now()
        let wasFailing = state.snapshot.failure != nil
        do {
            let outcome = try ReportBuild(folders: folders, version: version).run()
            for line in BuildMessages.lines(for: outcome, out: folders.out, startedAt: started) { log(line) }
            if !outcome.upToDate || wasFailing { state.update(failure: nil) }
        } catch {
            let lines = BuildMessages.lines(for: error, out: folders.out).lines
            for line in lines { log(line) }
            state.update(failure: lines)
        }
    }

    /// The first outcome of starting the server, handed from its tasks to the thread that waits.
    private final class StartResult: @unchecked Sendable {
        private let lock = NSLock()
        private let done = DispatchSemaphore(value: 0)
        private var result: Result<UInt16, any Error>?

        func finish(_ outcome: Result<UInt16, any Error>) {
            let first = lock.withLock {
                guard result == nil else { return false }
                result = outcome
                return true
            }
            if first { done.signal() }
        }

        func wait() throws -> UInt16 {
            done.wait()
            return try lock.withLock { result! }.get()
        }
    }
}
