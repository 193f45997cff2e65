import Foundation
import Logging
import PostgresStorage
import Testing

/// The PostgreSQL server the suites run against: `SWITCHBOARD_TEST_POSTGRES_URL`
/// (`postgres://user:password@127.0.0.1:port/database`, exported by `scripts/test-postgres`).
///
/// Without `CI=true`, a missing or unreachable server skips the suites with a message saying so; under
/// `CI=true` the suites run and fail (`PostgresDatabaseTrait` throws), because CI must not pass by skipping.
enum PostgresTestServer {
    static let environmentKey = "SWITCHBOARD_TEST_POSTGRES_URL"

    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// The server's configuration, or why there is none.
    static var configuration: Result<PostgresStorageConfiguration, SetupError> {
        guard let text = ProcessInfo.processInfo.environment[environmentKey], !text.isEmpty else {
            return .failure(SetupError("\(environmentKey) is not set; run the tests through scripts/test, which starts a PostgreSQL server"))
        }
        guard let url = URLComponents(string: text), ["postgres", "postgresql"].contains(url.scheme ?? ""),
              let host = url.host, let user = url.user, !url.path.dropFirst().isEmpty
        else {
            return .failure(SetupError("\(environmentKey) is not a postgres://user:password@host:port/database URL"))
        }
        return .success(PostgresStorageConfiguration(
            host: host, port: url.port ?? 5432, username: user.removingPercentEncoding ?? user,
            password: url.password.map { $0.removingPercentEncoding ?? $0 }, database: String(url.path.dropFirst()),
            // Many cases run at once, each with a store of its own; a small pool each keeps the server's
            // connection count in bounds while still letting a store's commits overlap.
            maximumConnections: 4, connectTimeout: .seconds(5)
        ))
    }

    /// Whether the suites should run: always under CI (where a missing server is a failure), otherwise
    /// only when the server answers. Checked once per test process.
    static let shouldRun: @Sendable () async -> Bool = {
        if isCI { return true }
        return await reachability.value
    }

    private static let reachability = Task<Bool, Never> {
        guard case .success(let configuration) = configuration else { return false }
        do {
            try await PostgresStorage.checkConnectivity(configuration, logger: logger)
            return true
        } catch {
            return false
        }
    }

    /// What the suites log (the pool's background events), quiet unless something is wrong.
    static let logger: Logger = {
        var logger = Logger(label: "PostgresStorageTests")
        logger.logLevel = .error
        return logger
    }()

    /// Why the suites cannot run.
    struct SetupError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

extension Trait where Self == ConditionTrait {
    /// Skips a suite when no PostgreSQL server answers, unless `CI=true` (then the suite runs and fails).
    static var postgresServer: Self {
        .enabled(
            "no PostgreSQL server: \(PostgresTestServer.environmentKey) is unset or does not answer (scripts/test starts one; under CI=true this fails instead)",
            PostgresTestServer.shouldRun
        )
    }
}
