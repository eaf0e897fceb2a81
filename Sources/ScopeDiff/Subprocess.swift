import Foundation

/// Runs a program to its end and keeps what it printed. Output goes to files rather than pipes:
/// a build that prints thousands of diagnostics to stderr cannot block on a full pipe while we
/// wait on stdout.
struct Subprocess {
    var status: Int32
    var stdout: String
    var stderr: String

    static func run(
        _ executable: URL, _ arguments: [String], in directory: URL, scratch: URL
    ) throws -> Subprocess {
        let outURL = scratch.appendingPathComponent("stdout-\(UUID().uuidString)")
        let errURL = scratch.appendingPathComponent("stderr-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: outURL.path, contents: nil),
            FileManager.default.createFile(atPath: errURL.path, contents: nil)
        else { throw DiffTrouble("cannot create files in the temporary folder \(scratch.path)") }
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        process.standardOutput = outHandle
        process.standardError = errHandle
        do {
            try process.run()
        } catch {
            throw DiffTrouble("cannot run \(executable.path): \(error.localizedDescription)")
        }
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return Subprocess(
            status: process.terminationStatus,
            stdout: String(
                decoding: FileManager.default.contents(atPath: outURL.path) ?? Data(), as: UTF8.self),
            stderr: String(
                decoding: FileManager.default.contents(atPath: errURL.path) ?? Data(), as: UTF8.self))
    }
}
