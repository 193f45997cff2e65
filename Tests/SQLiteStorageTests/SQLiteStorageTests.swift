import Domain
import Foundation
import GRDB
@testable import SQLiteStorage
import Testing

/// What only the SQLite adapter promises: how the file is opened, migrated and reopened, and how a
/// broken file is reported. The port's rules are checked by the contract (`SQLiteStorageContractTests`).
@Suite struct SQLiteStorageTests {
    let folder: TemporaryDirectory

    init() throws { folder = try TemporaryDirectory() }

    private func migratedStorage(_ name: String = "switchboard.sqlite") async throws -> SQLiteStorage {
        let storage = try SQLiteStorage(path: folder.path(name))
        try await storage.migrate()
        return storage
    }

    @Test func opensInWALModeWithForeignKeysAndBusyTimeout() async throws {
        let storage = try await migratedStorage()
        let (journal, readerForeignKeys) = try await storage.pool.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Bool.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(journal == "wal", "PRAGMA journal_mode on a reader should be wal")
        #expect(readerForeignKeys == true, "PRAGMA foreign_keys on a reader should be on")
        let (foreignKeys, busyTimeout) = try await storage.pool.writeWithoutTransaction { db in
            (try Bool.fetchOne(db, sql: "PRAGMA foreign_keys"), try Int.fetchOne(db, sql: "PRAGMA busy_timeout"))
        }
        #expect(foreignKeys == true, "PRAGMA foreign_keys on the writer should be on")
        #expect(busyTimeout == 5_000, "PRAGMA busy_timeout on the writer should be the default 5 s")
    }

    @Test func migrationsAreRecordedAndIdempotent() async throws {
        let storage = try SQLiteStorage(path: folder.path())
        let first = try await storage.migrate()
        #expect(first == ["v1_core", "v2_sessions_jobs", "v3_attachments", "v4_sla", "v5_routing", "v6_realtime", "v7_routing_policy", "v8_sla_verdicts", "v9_tag_list_order"], "migrate() on a new file should apply every migration")
        let second = try await storage.migrate()
        #expect(second.isEmpty, "migrate() a second time should apply nothing")
        let recorded = try await storage.pool.read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
        }
        #expect(recorded == SchemaMigrations.migrator.migrations, "grdb_migrations should record every migration once")

        let reopened = try SQLiteStorage(path: folder.path())
        #expect(try await reopened.migrate().isEmpty, "migrate() after reopening a migrated file should apply nothing")
    }

    @Test func aWriteLockHeldByAnotherProcessPastTheBusyTimeoutIsUnavailable() async throws {
        let organization = Organization(id: OrganizationID(UUID()), slug: "acme", name: "Acme", createdAt: Date(millisecondsSince1970: 0))
        let storage = try SQLiteStorage(path: folder.path(), busyTimeout: .milliseconds(50))
        try await storage.migrate()
        // Another connection to the file (as another process would have) takes the write lock and keeps it.
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let other = try DatabaseQueue(path: folder.path(), configuration: configuration)
        try await other.writeWithoutTransaction { db in try db.execute(sql: "BEGIN IMMEDIATE") }

        await #expect(throws: StorageError.self, "commit(insertOrganization) while another connection holds the write lock should throw") {
            _ = try await storage.commit(UnitOfWork([.insertOrganization(organization)]))
        }
        do {
            _ = try await storage.commit(UnitOfWork([.insertOrganization(organization)]))
        } catch let error as StorageError {
            guard case .unavailable = error else { Issue.record("commit while locked should throw .unavailable, got \(error)"); return }
        }
        // WAL: readers are not blocked by the writer.
        #expect(try await storage.organizations().isEmpty, "organizations() while another connection holds the write lock should still answer")

        try await other.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") }
        _ = try await storage.commit(UnitOfWork([.insertOrganization(organization)]))
        #expect(try await storage.organization(id: organization.id) == organization, "commit after the lock is released should succeed")
    }

    @Test func aDatabaseMigratedByANewerVersionIsRefused() async throws {
        let storage = try await migratedStorage()
        try await storage.pool.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: ["v999_from_the_future"])
        }
        do {
            let applied = try await storage.migrate()
            Issue.record("migrate() on a file with an unknown migration should throw, applied \(applied)")
        } catch let error as StorageError {
            guard case .unavailable(let reason) = error, reason.contains("v999_from_the_future") else {
                Issue.record("migrate() on a file with an unknown migration should throw .unavailable naming it, got \(error)")
                return
            }
        }
    }

    @Test func reopeningTheFileKeepsCommittedData() async throws {
        let organization = Organization(
            id: OrganizationID(UUID()), slug: "acme", name: "Acme", createdAt: Date(millisecondsSince1970: 1_767_225_600_123))
        let ticket = Ticket(
            id: TicketID(UUID()), organizationID: organization.id, customerID: UserID(UUID()), contact: Contact(name: "Alex"),
            subject: "Lost booking", description: "It vanished", tags: ["vip"], createdAt: Date(millisecondsSince1970: 1_767_225_700_456))
        do {
            let storage = try await migratedStorage()
            _ = try await storage.commit(UnitOfWork([.insertOrganization(organization), .insertTicket(ticket, idempotencyKey: nil)]))
            try storage.close()
        }
        let reopened = try await migratedStorage()
        #expect(try await reopened.organization(id: organization.id) == organization, "organization(id:) after reopening")
        var numbered = ticket
        numbered.number = TicketNumber(1)
        #expect(try await reopened.ticket(id: ticket.id, in: organization.id) == numbered, "ticket(id:) after reopening")
        let next = Ticket(
            id: TicketID(UUID()), organizationID: organization.id, customerID: ticket.customerID, contact: Contact(name: "Alex"),
            subject: "Second", description: "", createdAt: ticket.createdAt)
        let receipt = try await reopened.commit(UnitOfWork([.insertTicket(next, idempotencyKey: nil)]))
        #expect(receipt.ticketNumbers == [next.id: TicketNumber(2)], "the ticket counter should continue after reopening")
    }

    @Test func aFileThatIsNotADatabaseIsUnavailable() throws {
        let path = folder.path("garbage.sqlite")
        try Data(repeating: 0x5A, count: 8_192).write(to: URL(fileURLWithPath: path))
        #expect(throws: StorageError.self, "SQLiteStorage(path: garbage file) should throw StorageError") {
            try SQLiteStorage(path: path)
        }
        do {
            _ = try SQLiteStorage(path: path)
        } catch {
            guard case .unavailable = error else {
                Issue.record("SQLiteStorage(path: garbage file) should throw .unavailable, got \(error)")
                return
            }
        }
    }

    @Test func aFileThatCannotBeOpenedIsUnavailable() throws {
        let path = folder.url.appendingPathComponent("no-such-folder/switchboard.sqlite").path
        do {
            _ = try SQLiteStorage(path: path)
            Issue.record("SQLiteStorage(path: in a missing folder) should throw")
        } catch {
            guard case .unavailable = error else {
                Issue.record("SQLiteStorage(path: in a missing folder) should throw .unavailable, got \(error)")
                return
            }
        }
    }

    @Test func aDatabaseCorruptedAfterOpeningIsUnavailable() async throws {
        let path = folder.path()
        let storage = try await migratedStorage()
        // Everything into the main file, so that no page survives in the WAL.
        _ = try await storage.pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        try storage.close()
        // Overwrite every page but the header: SQLite still opens the file, then fails to read it.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: 100)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: Int(size) - 100))
        try handle.close()
        let reopened: SQLiteStorage
        do {
            reopened = try SQLiteStorage(path: path)
        } catch {
            // Detected at open: also an outage, as long as it is one.
            guard case .unavailable = error else { Issue.record("SQLiteStorage(path: corrupted) should throw .unavailable, got \(error)"); return }
            return
        }
        await #expect(throws: StorageError.self, "organizations() on a corrupted file should throw") {
            _ = try await reopened.organizations()
        }
        do {
            _ = try await reopened.organizations()
        } catch let error as StorageError {
            guard case .unavailable = error else { Issue.record("organizations() on a corrupted file should throw .unavailable, got \(error)"); return }
        }
    }

    @Test func everyUniqueIndexIsTranslated() async throws {
        let storage = try await migratedStorage()
        let signatures = try await storage.pool.read { db in
            var signatures: [String] = []
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'") {
                for index in try Row.fetchAll(db, sql: "SELECT name, \"unique\" FROM pragma_index_list(?)", arguments: [table]) where index["unique"] == true {
                    let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info(?) ORDER BY seqno", arguments: [index["name"] as String])
                    signatures.append(columns.map { "\(table).\($0)" }.joined(separator: ", "))
                }
                // A TEXT primary key of a rowid table is an automatic unique index, listed above;
                // an INTEGER PRIMARY KEY is the rowid itself and cannot be duplicated by callers.
            }
            return signatures
        }
        #expect(!signatures.isEmpty, "the schema should have unique indexes")
        for signature in signatures {
            #expect(
                UniqueIndexMap.constraints[signature] != nil || UniqueIndexMap.adapterGuarded.contains(signature),
                "unique index on \(signature) should be mapped to a UniqueConstraint or declared adapter-guarded")
        }
        let known = Set(UniqueIndexMap.constraints.keys).union(UniqueIndexMap.adapterGuarded)
        #expect(known.subtracting(signatures).isEmpty, "UniqueIndexMap should not list indexes the schema lacks: \(known.subtracting(signatures).sorted())")
        #expect(Set(UniqueIndexMap.constraints.values) == Set(UniqueConstraint.allCases), "every UniqueConstraint should be enforced by an index")
    }

    @Test func ticketListUsesAnIndexForItsSort() async throws {
        let storage = try await migratedStorage()
        for field in TicketSort.Field.allCases {
            let list = TicketListSQL(TicketQuery(scope: .organization(OrganizationID(UUID())), sort: TicketSort(field: field, descending: true)))
            let plan = try await storage.pool.read { db in
                // The plan's `detail` column; the first column is only a node number.
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN \(list.sql)", arguments: list.arguments).map { $0["detail"] as String }
            }
            #expect(!plan.joined().contains("USE TEMP B-TREE FOR ORDER BY"), "tickets(sort: -\(field)) should read an index in order, plan: \(plan)")
        }
    }
}
