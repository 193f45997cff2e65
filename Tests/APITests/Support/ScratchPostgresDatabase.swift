import Foundation
import TestSupport

/// A database of its own on the test PostgreSQL server (`SWITCHBOARD_TEST_POSTGRES_URL`, exported by
/// `scripts/test-postgres`), for tests that point `switchboard-api` processes at PostgreSQL.
///
/// Made and dropped with `psql`: this target talks to the server only through the processes it starts,
/// so it does not link a PostgreSQL client of its own.
struct ScratchPostgresDatabase: Sendable {
    let name: String
    /// `postgres://user:password@host:port/<name>`, for `SWITCHBOARD_DATABASE_URL`.
    let url: String
    /// The server's own database, where `CREATE`/`DROP DATABASE` run.
    private let serverURL: String

    /// Creates an empty database with a unique name.
    static func create() async throws -> ScratchPostgresDatabase {
        let serverURL = try serverURL()
        guard var components = URLComponents(string: serverURL) else { throw ServerFailure("\(TestPostgresServer.environmentKey) is not a URL") }
        let name = "switchboard_api_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        try await psql(serverURL, "CREATE DATABASE \(name)")
        components.path = "/\(name)"
        guard let url = components.string else { throw ServerFailure("cannot build the URL of database \(name)") }
        return ScratchPostgresDatabase(name: name, url: url, serverURL: serverURL)
    }

    /// Drops the database, closing whatever connections are still open on it.
    func drop() async throws {
        try await Self.psql(serverURL, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    private static func serverURL() throws -> String {
        try TestPostgresServer.address().url
    }

    /// Runs one SQL command through `psql` and returns what it printed; a failure carries psql's message.
    @discardableResult
    static func psql(_ url: String, _ command: String) async throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "psql", "--no-psqlrc", "--quiet", "--tuples-only", "--no-align", "--set=ON_ERROR_STOP=1",
            "--dbname=\(url)", "--command=\(command)",
        ]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            process.terminationHandler = { _ in continuation.resume() }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        // Read after the exit: psql's answers to these one-line commands fit in a pipe's buffer.
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw ServerFailure("psql \(command): exit \(process.terminationStatus): \(message)")
        }
        return printed
    }
}
