import Domain
import Foundation
import GRDB

/// The storage port on an SQLite file (§2 embedded mode), through GRDB.
///
/// One `DatabasePool`: WAL journal, so reads never wait for the writer; one writer at a time inside
/// the process, and a busy timeout for other processes on the same file. Foreign keys are enforced.
/// Every call throws only `StorageError`.
public final class SQLiteStorage: MigratableStorage {
    let pool: DatabasePool

    /// The database file.
    public var path: String { pool.path }

    /// Opens the database file at `path`, creating it (not its folder) when absent. Does not migrate:
    /// call `migrate()` before use.
    ///
    /// - Parameter busyTimeout: how long a write waits for another process holding the file's write
    ///   lock before failing with `.unavailable`. (GRDB gives reader connections their own 10 s
    ///   timeout; in WAL mode they only wait in rare recovery cases.)
    /// - Throws: `StorageError.unavailable` when the file cannot be opened or is not an SQLite database.
    public init(path: String, busyTimeout: Duration = .seconds(5)) throws(StorageError) {
        var configuration = Configuration()
        configuration.label = "SQLiteStorage"
        configuration.foreignKeysEnabled = true
        let timeout = TimeInterval(busyTimeout.components.seconds) + TimeInterval(busyTimeout.components.attoseconds) / 1e18
        configuration.busyMode = .timeout(timeout)
        configuration.prepareDatabase { db in
            // In WAL mode NORMAL keeps the file consistent across crashes and only risks the last
            // commits on power loss; FULL would fsync every commit and cap ticket creation (§15).
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        pool = try withStorageErrors { try DatabasePool(path: path, configuration: configuration) }
    }

    /// Brings the schema to the newest version (`SchemaMigrations`); returns the migrations it applied.
    /// Refuses (`.unavailable`) a file that a newer build has migrated further than this one knows:
    /// writing through an older schema's assumptions could damage it.
    @discardableResult
    public func migrate() async throws -> [String] {
        try await withStorageErrors {
            let migrator = SchemaMigrations.migrator
            let before = try await pool.read { db in try migrator.appliedIdentifiers(db) }
            let unknown = before.subtracting(migrator.migrations)
            guard unknown.isEmpty else {
                throw StorageError.unavailable(
                    reason: "the database was migrated by a newer version (unknown migrations: \(unknown.sorted().joined(separator: ", ")))")
            }
            let after = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Set<String>, any Error>) in
                migrator.asyncMigrate(pool) { result in
                    continuation.resume(with: Result { try migrator.appliedIdentifiers(result.get()) })
                }
            }
            return migrator.migrations.filter { after.contains($0) && !before.contains($0) }
        }
    }

    public func checkHealth() async throws {
        _ = try await read { db in try Int.fetchOne(db, sql: "SELECT 1") }
    }

    /// Closes every connection (graceful shutdown). Later calls throw `StorageError.unavailable`,
    /// as they would if the file were gone.
    public func close() throws {
        try withStorageErrors { try pool.close() }
    }

    /// Runs a read on one of the pool's reader connections; only `StorageError` escapes.
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withStorageErrors { try await pool.read(body) }
    }
}
