import Domain
import PostgresNIO

extension PostgresStorage {
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
}
