import Foundation
import TestSupport

/// The built `switchboard-worker` executable run as a separate process, its output kept in files of its folder
/// (a worker prints notifications on stdout; a pipe nobody drains would block it).
final class WorkerProcess: @unchecked Sendable {
    let process = Process()
    let stdoutFile: URL
    let stderrFile: URL

    /// `switchboard-worker` next to `switchboard-api` in the build folder.
    static var executable: URL {
        BuildProducts.executable("switchboard-worker")
    }

    /// Starts a worker in `directory` with only PATH and `environment` set.
    init(in directory: URL, environment: [String: String]) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        stdoutFile = directory.appendingPathComponent("stdout.log")
        stderrFile = directory.appendingPathComponent("stderr.log")
        _ = FileManager.default.createFile(atPath: stdoutFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        process.executableURL = Self.executable
        process.currentDirectoryURL = directory
        process.environment = environment.merging(["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"]) { _, fixed in fixed }
        process.standardOutput = try FileHandle(forWritingTo: stdoutFile)
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        try process.run()
    }

    var stderr: String { (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? "" }

    /// SIGTERM, then the exit status (0 when it shut down gracefully), waited for off the cooperative pool.
    func stop() async -> Int32 {
        terminate()
        return await ProcessHandle(process).waitForExit()
    }

    /// SIGTERM without waiting (for `defer`, where nothing can be awaited).
    func terminate() {
        if process.isRunning { process.terminate() }
    }
}
