import Foundation
import TestSupport

/// Runs the built `switchboard` executable as a separate process, the way an operator would.
enum SwitchboardProcess {
    /// Runs `switchboard arguments…` with only the given `SWITCHBOARD_*` variables and the working
    /// directory; waits off the cooperative pool (see `offThePool`).
    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL) async throws -> ChildProcess.Outcome {
        try await ChildProcess.run(BuildProducts.executable("switchboard"), arguments, environment: environment, in: directory)
    }

    /// A fresh, empty working directory that is removed afterwards.
    static func withTemporaryDirectory<T>(_ body: (URL) async throws -> T) async throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await body(folder)
    }
}
