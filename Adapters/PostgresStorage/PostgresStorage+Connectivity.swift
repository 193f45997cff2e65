import Domain
import Logging
import NIOCore
import PostgresNIO

extension PostgresStorage {
    /// Opens one connection outside the pool, authenticates and closes it: fails within
    /// `connectTimeout` with the server's reason (wrong password, unknown database, refused
    /// connection …) as `StorageError.unavailable`, where the pool would retry for a minute.
    public static func checkConnectivity(_ configuration: PostgresStorageConfiguration, logger: Logger) async throws(StorageError) {
        var connectionConfiguration = PostgresConnection.Configuration(
            host: configuration.host, port: configuration.port, username: configuration.username,
            password: configuration.password, database: configuration.database, tls: .disable
        )
        connectionConfiguration.options.connectTimeout = TimeAmount(configuration.connectTimeout)
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
}

extension TimeAmount {
    /// The same span in NIO's unit (postgres-nio's connection options take a `TimeAmount`).
    init(_ duration: Duration) {
        self = .nanoseconds(duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }
}
