import Domain
import Foundation
import PostgresNIO
@testable import PostgresStorage
import Testing
import TestSupport

/// What only the PostgreSQL adapter promises: versioned migrations that several processes may run at
/// once, constraint names the error translation knows, connection failures reported at once and
/// readably, exact millisecond instants, and deadlocks retried. The port's rules are checked by the
/// contract (`PostgresStorageContractTests`).
@Suite(.postgresServer, .freshPostgresDatabase)
struct PostgresStorageTests {
    let database: PostgresTestDatabase

    init() throws { database = try PostgresTestDatabase.required() }

    /// Runs `body` with a store on a fresh, unmigrated schema, then stops it and drops the schema.
    private func withStore(_ body: (PostgresStorage, String) async throws -> Void) async throws {
        let schema = try await database.makeSchema()
        let store = database.start(schema: schema)
        do {
            try await body(store.storage, schema)
        } catch {
            await store.stop()
            try? await database.dropSchema(schema)
            throw error
        }
        await store.stop()
        try await database.dropSchema(schema)
    }

    private func recordedMigrations(in schema: String) async throws -> [String] {
        var configuration = database.configuration
        configuration.schema = schema
        return try await PostgresAdmin.strings("SELECT name FROM schema_migrations ORDER BY name", on: configuration)
    }

    @Test func migrationsAreRecordedAndIdempotent() async throws {
        try await withStore { storage, schema throws in
            #expect(try await storage.migrate() == SchemaMigrations.names, "migrate() on an empty schema should apply every migration in order")
            #expect(try await storage.migrate().isEmpty, "migrate() a second time should apply nothing")
            #expect(try await recordedMigrations(in: schema) == SchemaMigrations.names.sorted(), "schema_migrations should record every migration once")
        }
    }

    @Test func concurrentMigratorsOnSeparatePoolsApplyEachMigrationOnce() async throws {
        let schema = try await database.makeSchema()
        // Four stores with pools of their own, as four processes starting together would have.
        let stores = (0..<4).map { _ in database.start(schema: schema) }
        let applied = try await withThrowingTaskGroup(of: [String].self) { group in
            for store in stores { group.addTask { try await store.storage.migrate() } }
            var all: [String] = []
            for try await names in group { all += names }
            return all
        }
        for store in stores { await store.stop() }
        #expect(applied.sorted() == SchemaMigrations.names.sorted(), "4 concurrent migrate() calls should apply each migration exactly once between them, applied \(applied)")
        #expect(try await recordedMigrations(in: schema) == SchemaMigrations.names.sorted(), "schema_migrations after concurrent migrators should record every migration once")
        try await database.dropSchema(schema)
    }

    @Test func aSchemaMigratedByANewerVersionIsRefused() async throws {
        try await withStore { storage, schema throws in
            try await storage.migrate()
            var configuration = database.configuration
            configuration.schema = schema
            try await PostgresAdmin.execute(["INSERT INTO schema_migrations (name) VALUES ('v999_from_the_future')"], on: configuration)
            do {
                try await storage.migrate()
                Issue.record("migrate() on a schema with an unknown migration should throw")
            } catch let error as StorageError {
                guard case .unavailable(let reason) = error else { Issue.record("expected .unavailable, got \(error)"); return }
                #expect(reason.contains("v999_from_the_future"), "the refusal should name the unknown migration: \(reason)")
            }
        }
    }

    @Test func everyUniqueConstraintOfTheSchemaIsMappedOrAdapterGuarded() async throws {
        try await withStore { storage, schema throws in
            try await storage.migrate()
            let unique = try await PostgresAdmin.strings(
                """
                SELECT index.relname FROM pg_index
                JOIN pg_class index ON index.oid = pg_index.indexrelid
                JOIN pg_namespace ON pg_namespace.oid = index.relnamespace
                WHERE pg_index.indisunique AND pg_namespace.nspname = '\(schema)'
                """,
                on: database.configuration)
            let known = Set(UniqueConstraintMap.constraints.keys).union(UniqueConstraintMap.adapterGuarded)
            #expect(Set(unique).subtracting(known).isEmpty, "unique indexes missing from UniqueConstraintMap: \(Set(unique).subtracting(known).sorted())")
            #expect(known.subtracting(unique).isEmpty, "UniqueConstraintMap names constraints the schema lacks: \(known.subtracting(unique).sorted())")
            #expect(Set(UniqueConstraintMap.constraints.values) == Set(UniqueConstraint.allCases), "every UniqueConstraint should be enforced by a named constraint")
        }
    }

    /// Ways to get the connection settings wrong, and what the report should say.
    enum ConnectionMistake: String, CaseIterable, Sendable {
        case wrongPassword = "a wrong password"
        case unknownDatabase = "an unknown database"
        case closedPort = "a port nobody listens on"

        func apply(to configuration: inout PostgresStorageConfiguration) {
            switch self {
            case .wrongPassword: configuration.password = "not-the-password"
            case .unknownDatabase: configuration.database = "no_such_database"
            case .closedPort: configuration.port = 1
            }
        }

        var expectedReason: String {
            switch self {
            case .wrongPassword: "password authentication failed"
            case .unknownDatabase: "does not exist"
            case .closedPort: "refused"
            }
        }
    }

    @Test(arguments: ConnectionMistake.allCases)
    func checkConnectivityFailsAtOnceWithTheReason(_ mistake: ConnectionMistake) async throws {
        let situation = mistake.rawValue
        let expected = mistake.expectedReason
        var configuration = database.configuration
        mistake.apply(to: &configuration)
        let started = ContinuousClock.now
        do {
            try await PostgresStorage.checkConnectivity(configuration, logger: PostgresTestServer.logger)
            Issue.record("checkConnectivity with \(situation) should throw")
        } catch {
            guard case .unavailable(let reason) = error else { Issue.record("expected .unavailable, got \(error)"); return }
            #expect(reason.contains(expected), "checkConnectivity with \(situation) should say \"\(expected)\": \(reason)")
            #expect(reason.contains(configuration.serverDescription), "the reason should name the server: \(reason)")
            #expect(!reason.contains(configuration.password ?? "\u{0}"), "the reason should not show the password: \(reason)")
        }
        // "At once" next to the pool, which retries for 60 s before failing a call; generous, because
        // the suites share a loaded machine with SCRAM's deliberate slowness.
        let elapsed = ContinuousClock.now - started
        #expect(elapsed < .seconds(15), "checkConnectivity with \(situation) should fail at once, took \(elapsed)")
    }

    @Test func checkHealthTellsAnUnmigratedSchemaFromAReadyOne() async throws {
        try await withStore { storage, _ throws in
            do {
                try await storage.checkHealth()
                Issue.record("checkHealth() on an unmigrated schema should throw")
            } catch let error as StorageError {
                guard case .unavailable(let reason) = error else { Issue.record("expected .unavailable, got \(error)"); return }
                #expect(reason.contains("migrate"), "checkHealth() on an unmigrated schema should say to migrate: \(reason)")
            }
            try await storage.migrate()
            try await storage.checkHealth()
        }
    }

    @Test func instantsAroundThePostgresEpochKeepTheirMillisecond() async throws {
        try await withStore { storage, _ throws in
            try await storage.migrate()
            // PostgreSQL counts microseconds from 2000-01-01: instants before it are negative there and must
            // still floor to their own millisecond. (Instants before 1970 are out of reach: the Domain's
            // `Date.millisecondsSince1970` itself rounds them one millisecond down.)
            let instants: [Int64] = [0, 1, 946_684_799_999, 946_684_800_000, 946_684_800_001, 4_102_444_800_123]
            for (index, ms) in instants.enumerated() {
                let organization = PostgresTestData.organization(slug: "epoch-\(index)", createdAt: Date(millisecondsSince1970: ms))
                _ = try await storage.commit(UnitOfWork([.insertOrganization(organization)]))
                let read = try await storage.organization(id: organization.id)
                #expect(read == organization, "organization(id:) created at \(ms) ms should read back equal, got \(String(describing: read?.createdAt.millisecondsSince1970))")
            }
        }
    }

    @Test func aDeadlockedCommitIsRetriedAndSucceeds() async throws {
        try await withStore { storage, schema throws in
            try await storage.migrate()
            let organization = PostgresTestData.organization()
            let a = PostgresTestData.ticket(in: organization.id, index: 0)
            let b = PostgresTestData.ticket(in: organization.id, index: 1)
            _ = try await storage.commit(UnitOfWork([
                .insertOrganization(organization), .insertTicket(a, idempotencyKey: nil), .insertTicket(b, idempotencyKey: nil),
            ]))
            var admin = database.configuration
            admin.schema = schema
            // Another session holds ticket B; the commit locks A (its first audit append), then waits for B.
            try await PostgresAdmin.withConnection(to: admin) { other in
                // This session must be the one that waits: its deadlock check comes long after the commit's
                // (1 s, the default), whatever the machine's load does to the order of the two waits.
                _ = try await other.query("SET deadlock_timeout = '60s'", logger: PostgresTestServer.logger).collect()
                _ = try await other.query("BEGIN", logger: PostgresTestServer.logger).collect()
                _ = try await other.query("SELECT 1 FROM tickets WHERE id = \(b.id.uuid) FOR UPDATE", logger: PostgresTestServer.logger).collect()
                let unit = UnitOfWork([.appendAuditEvent(PostgresTestData.auditEvent(of: a)), .appendAuditEvent(PostgresTestData.auditEvent(of: b))])
                let commit = Task { try await storage.commit(unit) }
                try await waitUntilABackendWaitsForALock(admin)
                // Now the other session asks for A: a cycle. The commit's deadlock check runs first and
                // PostgreSQL aborts it; this lock is then granted.
                _ = try await other.query("SELECT 1 FROM tickets WHERE id = \(a.id.uuid) FOR UPDATE", logger: PostgresTestServer.logger).collect()
                _ = try await other.query("ROLLBACK", logger: PostgresTestServer.logger).collect()
                _ = try await commit.value
            }
            #expect(try await storage.auditEvents(ticket: a.id, in: organization.id).count == 1, "the retried unit should append A's event once")
            #expect(try await storage.auditEvents(ticket: b.id, in: organization.id).count == 1, "the retried unit should append B's event once")
        }
    }

    /// Polls `pg_stat_activity` until some session of this database waits for a row lock.
    private func waitUntilABackendWaitsForALock(_ configuration: PostgresStorageConfiguration) async throws {
        for _ in 0..<500 {
            let waiting = try await PostgresAdmin.strings(
                "SELECT pid::text FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", on: configuration)
            if !waiting.isEmpty { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("no session started waiting for a lock within 5 s")
    }
}
