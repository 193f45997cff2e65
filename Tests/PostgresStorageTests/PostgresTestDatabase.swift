import Foundation
import Logging
import PostgresNIO
import PostgresStorage
import Testing

/// A database of its own for one suite, made by `PostgresDatabaseTrait`; each case makes schemas in it.
struct PostgresTestDatabase: Sendable {
    /// The suite's database (set by the trait for everything the suite runs).
    @TaskLocal static var current: PostgresTestDatabase?

    let configuration: PostgresStorageConfiguration

    /// The current suite's database; fails the test when the suite lacks the trait.
    static func required() throws -> PostgresTestDatabase {
        try #require(current, "the suite should have the .freshPostgresDatabase trait")
    }

    /// A new, empty schema with a unique name.
    func makeSchema() async throws -> String {
        let name = "case_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await PostgresAdmin.execute(["CREATE SCHEMA \(name)"], on: configuration)
        return name
    }

    func dropSchema(_ name: String) async throws {
        try await PostgresAdmin.execute(["DROP SCHEMA IF EXISTS \(name) CASCADE"], on: configuration)
    }

    /// A store on `schema` whose pool runs until `stop()`.
    func start(schema: String, maximumConnections: Int? = nil) -> RunningPostgresStorage {
        var configuration = configuration
        configuration.schema = schema
        if let maximumConnections { configuration.maximumConnections = maximumConnections }
        // The product's 5-second readiness budget includes opening the pool's first connection; in a
        // parallel run of every suite on two cores that alone can take longer. What the health check
        // answers is under test here, not how fast.
        configuration.healthTimeout = .seconds(60)
        return RunningPostgresStorage(configuration: configuration)
    }
}

/// A `PostgresStorage` with its pool running in a task of its own, as a process would run it, so that
/// tests can stop it (an outage, or the end of the case) and several can share one schema.
final class RunningPostgresStorage: Sendable {
    let storage: PostgresStorage
    private let runner: Task<Void, Never>

    init(configuration: PostgresStorageConfiguration) {
        let storage = PostgresStorage(configuration: configuration, logger: PostgresTestServer.logger)
        self.storage = storage
        runner = Task { await storage.run() }
    }

    /// Shuts the pool down and waits until its connections are closed.
    func stop() async {
        runner.cancel()
        await runner.value
    }
}

/// Gives the suite a fresh database: created before the suite runs, dropped (connections and all)
/// after it, also when it failed. Under `CI=true` a missing or unreachable server makes the suite fail here.
struct PostgresDatabaseTrait: SuiteTrait, TestScoping {
    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        let server = try PostgresTestServer.configuration.get()
        try await PostgresStorage.checkConnectivity(server, logger: PostgresTestServer.logger)
        let name = "switchboard_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        try await PostgresAdmin.execute(["CREATE DATABASE \(name)"], on: server)
        var database = server
        database.database = name
        do {
            try await PostgresTestDatabase.$current.withValue(PostgresTestDatabase(configuration: database)) {
                try await function()
            }
        } catch {
            try? await PostgresAdmin.execute(["DROP DATABASE IF EXISTS \(name) WITH (FORCE)"], on: server)
            throw error
        }
        try await PostgresAdmin.execute(["DROP DATABASE IF EXISTS \(name) WITH (FORCE)"], on: server)
    }
}

extension Trait where Self == PostgresDatabaseTrait {
    /// A database of its own for the suite (see `PostgresDatabaseTrait`).
    static var freshPostgresDatabase: Self { PostgresDatabaseTrait() }
}

/// Statements the tests run as the server's administrator: on a connection of their own, outside any store.
enum PostgresAdmin {
    static func execute(_ statements: [String], on configuration: PostgresStorageConfiguration) async throws {
        try await withConnection(to: configuration) { connection in
            for statement in statements {
                _ = try await connection.query(PostgresQuery(unsafeSQL: statement), logger: PostgresTestServer.logger).collect()
            }
        }
    }

    /// The first column of every row of `query`, as text.
    static func strings(_ query: String, on configuration: PostgresStorageConfiguration) async throws -> [String] {
        try await withConnection(to: configuration) { connection in
            try await connection.query(PostgresQuery(unsafeSQL: query), logger: PostgresTestServer.logger).collect()
                .map { try $0.decode(String.self) }
        }
    }

    static func withConnection<T: Sendable>(
        to configuration: PostgresStorageConfiguration, _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        var options = PostgresConnection.Configuration(
            host: configuration.host, port: configuration.port, username: configuration.username,
            password: configuration.password, database: configuration.database, tls: .disable
        )
        if let schema = configuration.schema { options.options.additionalStartupParameters = [("search_path", schema)] }
        let connection = try await PostgresConnection.connect(configuration: options, id: 1, logger: PostgresTestServer.logger)
        do {
            let value = try await body(connection)
            try await connection.close()
            return value
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
