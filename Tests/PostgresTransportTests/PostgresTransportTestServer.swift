import Foundation
import Logging
import PostgresNIO
import PostgresTransport
import TestSupport

/// The test PostgreSQL server (`TestPostgresServer`) as the transport's configuration.
enum PostgresTransportTestServer {
    /// A configuration for the server with `namespace`, or why there is none.
    static func configuration(namespace: String) throws -> PostgresTransportConfiguration {
        let server = try TestPostgresServer.address()
        // Small buffers, so that overflowing a subscriber or the retention is quick.
        return PostgresTransportConfiguration(
            host: server.host, port: server.port, username: server.user, password: server.password, database: server.database,
            namespace: namespace, subscriberBufferSize: 100, retainedEventCount: 150, maximumConnections: 2)
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
}
