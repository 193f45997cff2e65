import Foundation

/// A program run to completion as a child process, its output captured: how the tests run the built
/// executables (`switchboard`, `switchboard-worker`) the way an operator would.
public enum ChildProcess {
    public struct Outcome: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// Runs `executable arguments…` in `directory` with only `environment` and PATH set, and returns
    /// its exit status and output once it has exited. The waiting happens off the cooperative pool; a
    /// child still running after `limit` is killed.
    public static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String] = [:], in directory: URL,
        limit: Duration = .seconds(300)
    ) async throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment.merging(["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"]) { given, _ in given }
        process.standardInput = FileHandle.nullDevice
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let handle = ProcessHandle(process)
        // Both pipes are drained at the same time: a child blocked on a full stderr pipe would otherwise
        // never close stdout. The wait for the exit runs alongside, so that a child still running after
        // `limit` is killed (its pipes then end) and fails its test with `ProcessHandle.killedStatus`.
        async let exit = handle.waitForExit(killingAfter: limit)
        async let stdout = offThePool { out.fileHandleForReading.readDataToEndOfFile() }
        async let stderr = offThePool { err.fileHandleForReading.readDataToEndOfFile() }
        let (printed, logged, status) = await (stdout, stderr, exit)
        return Outcome(status: status, stdout: String(decoding: printed, as: UTF8.self), stderr: String(decoding: logged, as: UTF8.self))
    }
}

/// The executables SwiftPM built next to the test bundle.
public enum BuildProducts {
    /// The build folder (`.build/<triple>/debug`).
    public static var folder: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // On Linux the test runner lives in `<build>/debug/`; in an .xctest bundle go up to it.
        while folder.pathExtension == "xctest" || folder.lastPathComponent == "Contents" || folder.lastPathComponent == "MacOS" {
            folder.deleteLastPathComponent()
        }
        return folder
    }

    /// The built executable `name` (e.g. "switchboard-worker").
    public static func executable(_ name: String) -> URL {
        folder.appendingPathComponent(name)
    }
}
