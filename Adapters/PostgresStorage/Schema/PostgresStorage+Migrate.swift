import Domain
import PostgresNIO

extension PostgresStorage {
    /// Brings the schema (in the configured `schema`) to the newest version; returns the migrations
    /// this call applied, in order.
    ///
    /// Each migration runs in a transaction of its own that first takes a transaction-level advisory
    /// lock keyed on the schema, then reads `schema_migrations`: migrators in several processes (two
    /// API processes starting together) queue on the lock, and each applies only what the previous
    /// one left to do. Refuses (`.unavailable`) a schema that a newer build migrated further than this
    /// one knows: writing through an older schema's assumptions could damage it.
    @discardableResult
    public func migrate() async throws -> [String] {
        var applied: [String] = []
        while let name = try await applyNextMigration() {
            applied.append(name)
        }
        return applied
    }

    /// Applies the first migration not yet recorded, in one transaction; `nil` when none is left.
    private func applyNextMigration() async throws(StorageError) -> String? {
        try await transaction { transaction in
            // Two int4 keys: a fixed one for "Switchboard migrations", and the schema's hash, so that
            // separate schemas (tests, several installs in one database) migrate independently.
            try await transaction.execute("SELECT pg_advisory_xact_lock(\(Self.migrationLockKey), hashtext(current_schema()))")
            try await transaction.execute("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    name text NOT NULL CONSTRAINT schema_migrations_pkey PRIMARY KEY,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """)
            let recorded = Set(try await transaction.rows("SELECT name FROM schema_migrations").map { try $0.text("name") })
            let unknown = recorded.subtracting(SchemaMigrations.names)
            guard unknown.isEmpty else {
                throw StorageError.unavailable(
                    reason: "the database was migrated by a newer version (unknown migrations: \(unknown.sorted().joined(separator: ", ")))")
            }
            guard let next = SchemaMigrations.all.first(where: { !recorded.contains($0.name) }) else { return nil }
            for statement in next.statements {
                try await transaction.execute(PostgresQuery(unsafeSQL: statement))
            }
            try await transaction.execute("INSERT INTO schema_migrations (name) VALUES (\(next.name))")
            return next.name
        }
    }

    /// The first key of the migration lock (an arbitrary constant: "SwBd").
    static let migrationLockKey: Int32 = 0x5377_4264
}
