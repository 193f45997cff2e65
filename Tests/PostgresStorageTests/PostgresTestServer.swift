import Foundation
import Logging
import PostgresStorage
import TestSupport

/// The test PostgreSQL server (`TestPostgresServer`) as the storage adapter's configuration.
enum PostgresTestServer {
    /// The server's configuration, or why there is none.
    static var configuration: Result<PostgresStorageConfiguration, TestPostgresServer.SetupError> {
        Result { () throws(TestPostgresServer.SetupError) in
            let server = try TestPostgresServer.address()
            return PostgresStorageConfiguration(
                host: server.host, port: server.port, username: server.user, password: server.password, database: server.database,
                // Many cases run at once, each with a store of its own; a small pool each keeps the server's
                // connection count in bounds while still letting a store's commits overlap.
                maximumConnections: 4, connectTimeout: .seconds(5)
            )
        }
    }

    /// What the suites log (the pool's background events), quiet unless something is wrong.
    static let logger: Logger = {
        var logger = Logger(label: "PostgresStorageTests")
        logger.logLevel = .error
        return logger
    }()
}
