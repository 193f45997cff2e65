import Foundation
import Logging
import PostgresNIO
import PostgresTransport
import Testing

/// The PostgreSQL server the suite runs against: `SWITCHBOARD_TEST_POSTGRES_URL` (exported by
/// `scripts/test-postgres`). Without `CI=true` a missing server skips the suite, saying so; under
/// `CI=true` the suite runs and fails, because CI must not pass by skipping.
enum PostgresTransportTestServer {
    static let environmentKey = "SWITCHBOARD_TEST_POSTGRES_URL"

    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// A configuration for the server with `namespace`, or why there is none.
    static func configuration(namespace: String) throws -> PostgresTransportConfiguration {
        guard let text = ProcessInfo.processInfo.environment[environmentKey], !text.isEmpty else {
            throw SetupError("\(environmentKey) is not set; run the tests through scripts/test, which starts a PostgreSQL server")
        }
        guard let url = URLComponents(string: text), ["postgres", "postgresql"].contains(url.scheme ?? ""),
              let host = url.host, let user = url.user, !url.path.dropFirst().isEmpty
        else {
            throw SetupError("\(environmentKey) is not a postgres://user:password@host:port/database URL")
        }
        // Small buffers, so that overflowing a subscriber or the retention is quick.
        return PostgresTransportConfiguration(
            host: host, port: url.port ?? 5432, username: user.removingPercentEncoding ?? user,
            password: url.password.map { $0.removingPercentEncoding ?? $0 }, database: String(url.path.dropFirst()),
            namespace: namespace, subscriberBufferSize: 100, retainedEventCount: 150, maximumConnections: 2)
    }

    /// Whether the suite should run: always under CI, otherwise when the server answers.
    static let shouldRun: @Sendable () async -> Bool = {
        if isCI { return true }
        return await reachability.value
    }

    private static let reachability = Task<Bool, Never> {
        guard let configuration = try? configuration(namespace: "probe") else { return false }
        do {
            try await execute("SELECT 1", on: configuration)
            return true
        } catch {
            return false
        }
    }

    /// Runs one statement on a connection of its own.
    static func execute(_ sql: String, on configuration: PostgresTransportConfiguration) async throws {
        let connection = try await PostgresConnection.connect(
            configuration: .init(host: configuration.host, port: configuration.port, username: configuration.username,
                                 password: configuration.password, database: configuration.database, tls: .disable),
            id: 1, logger: logger)
        do {
            _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }

    static let logger: Logger = {
        var logger = Logger(label: "PostgresTransportTests")
        logger.logLevel = .error
        return logger
    }()

    struct SetupError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

extension Trait where Self == ConditionTrait {
    /// Skips the suite when no PostgreSQL server answers, unless `CI=true` (then it runs and fails).
    static var postgresServer: Self {
        .enabled(
            "no PostgreSQL server: \(PostgresTransportTestServer.environmentKey) is unset or does not answer (scripts/test starts one)",
            PostgresTransportTestServer.shouldRun)
    }
}
