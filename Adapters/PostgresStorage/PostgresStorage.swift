import Domain
import Foundation
import Logging
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
