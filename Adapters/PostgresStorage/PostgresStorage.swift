import Domain
import Foundation
import Logging
import NIOCore
import PostgresNIO

/// The storage port on PostgreSQL (§2 cloud mode), through postgres-nio's `PostgresClient` and its pool.
///
/// Several processes may share one database: ticket numbers come from a per-organization counter row
/// locked by the committing transaction, updates check versions in their `WHERE`, job claims skip rows
/// other claimers have locked, and migrations take an advisory lock.
///
/// Lifecycle: the pool works only while `run()` runs (in a `ServiceGroup`, or a task the caller
/// cancels at shutdown); calls made before it wait. A wrong password or an unreachable server makes
/// the pool retry for up to a minute before failing calls, so call `checkConnectivity(_:logger:)`
/// first: it fails at once with the server's own reason.
///
/// Encodings: ids are `uuid`; instants are `timestamptz` holding whole milliseconds (the port's
/// precision, converted without floating point, see `Timestamp`); sets and lists are arrays; other
/// complex values are `jsonb`. Every call throws only `StorageError`.
public final class PostgresStorage: MigratableStorage {
    public let configuration: PostgresStorageConfiguration
    let client: PostgresClient
    let logger: Logger

    /// How often a transaction that PostgreSQL aborted as a deadlock or serialization failure is run
    /// again before the commit reports `.unavailable`.
    static let transactionAttempts = 4

    /// Makes the pool (no connection is opened yet). `logger` receives the pool's background events.
    public init(configuration: PostgresStorageConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        client = PostgresClient(configuration: Self.clientConfiguration(configuration), backgroundLogger: logger)
    }

    /// Runs the connection pool until the calling task is cancelled or, inside a `ServiceGroup`, until
    /// graceful shutdown; then closes every connection. Call it once. Calls made after it returned
    /// throw `StorageError.unavailable`.
    public func run() async {
        await client.run()
    }

    /// Opens one connection outside the pool, authenticates and closes it: fails within
    /// `connectTimeout` with the server's reason (wrong password, unknown database, refused
    /// connection …) as `StorageError.unavailable`, where the pool would retry for a minute.
    public static func checkConnectivity(_ configuration: PostgresStorageConfiguration, logger: Logger) async throws(StorageError) {
        var connectionConfiguration = PostgresConnection.Configuration(
            host: configuration.host, port: configuration.port, username: configuration.username,
            password: configuration.password, database: configuration.database, tls: .disable
        )
        connectionConfiguration.options.connectTimeout = .nanoseconds(Int64(configuration.connectTimeout.nanoseconds))
        connectionConfiguration.options.additionalStartupParameters = configuration.startupParameters
        do {
            let connection = try await PostgresConnection.connect(configuration: connectionConfiguration, id: 0, logger: logger)
            do {
                _ = try await connection.query("SELECT 1", logger: logger).collect()
            } catch {
                try? await connection.close()
                throw error
            }
            try? await connection.close()
        } catch {
            throw StorageError.connecting(to: configuration, failure: error)
        }
    }

    /// The readiness probe: within `healthTimeout`, a round trip through the pool that also proves the
    /// schema is migrated to what this build expects (an API process on an unmigrated database is not
    /// ready). Throws `StorageError.unavailable` saying which.
    public func checkHealth() async throws {
        try await withStorageErrors {
            try await withDeadline(configuration.healthTimeout, "the health check") { [self] in
                let applied: [String]
                do {
                    applied = try await client.query("SELECT name FROM schema_migrations", logger: logger).collect()
                        .map { try RowReader($0).text("name") }
                } catch let error as PSQLError where error.sqlState == SQLState.undefinedTable {
                    throw StorageError.unavailable(reason: "the database has no schema yet; run `switchboard migrate`")
                }
                let missing = SchemaMigrations.names.filter { !applied.contains($0) }
                guard missing.isEmpty else {
                    throw StorageError.unavailable(reason: "the schema is not migrated (missing \(missing.joined(separator: ", "))); run `switchboard migrate`")
                }
            }
        }
    }

    private static func clientConfiguration(_ configuration: PostgresStorageConfiguration) -> PostgresClient.Configuration {
        var client = PostgresClient.Configuration(
            host: configuration.host, port: configuration.port, username: configuration.username,
            password: configuration.password, database: configuration.database, tls: .disable
        )
        client.options.maximumConnections = configuration.maximumConnections
        client.options.connectTimeout = configuration.connectTimeout
        client.options.additionalStartupParameters = configuration.startupParameters
        return client
    }
}

extension Duration {
    var nanoseconds: Int64 { components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000 }
}
