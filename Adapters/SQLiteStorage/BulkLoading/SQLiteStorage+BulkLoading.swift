import Domain
import GRDB

extension SQLiteStorage: BulkLoading {
    /// Writes the batch in one IMMEDIATE transaction: people through the commit's row writers, tickets,
    /// messages, audit events and SLA records through `BulkRows` (encoded before the write, so that the
    /// single writer connection only binds and steps while the next batch is being encoded elsewhere),
    /// without a commit per ticket or the per-change existence checks (foreign keys and unique keys still
    /// hold: a duplicate fails the whole batch with `.duplicate`). Then moves the organization's ticket
    /// counter past the highest loaded number, so that numbering continues after the batch.
    ///
    /// The writer connection keeps a larger page cache once it has loaded (`bulkCacheKiB`): a load's
    /// index insertions land all over the ticket indexes (customer, assignee, participants, SLA due
    /// time), and with the default 2 MB cache most of them re-read and spill pages.
    public func load(_ batch: SeedBatch) async throws {
        try await withStorageErrors {
            var highest: [OrganizationID: Int] = [:]
            for ticket in batch.tickets {
                guard ticket.number != .unallocated else { throw StorageError.missing(entity: StorageEntity.ticket, id: "number of \(ticket.id)") }
                highest[ticket.organizationID] = max(highest[ticket.organizationID] ?? 0, ticket.number.value)
            }
            let rows = try BulkRows(batch), counters = highest
            try await pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA cache_size = -\(Self.bulkCacheKiB)")
                try db.inTransaction(.immediate) {
                    for organization in batch.organizations { try OrganizationRow(organization).insert(db) }
                    for department in batch.departments { try DepartmentRow(department).insert(db) }
                    for user in batch.users { try UserRow(user).insert(db) }
                    for profile in batch.agentProfiles { try AgentProfileRow(profile).insert(db) }
                    try rows.write(db)
                    for (organization, number) in counters {
                        try db.run(
                            sql: """
                                INSERT INTO ticket_counters (organization_id, last_number) VALUES (?, ?)
                                ON CONFLICT (organization_id) DO UPDATE SET last_number = max(last_number, excluded.last_number)
                                """,
                            arguments: [organization.description, number])
                    }
                    return .commit
                }
            }
        }
    }

    /// The writer's page cache while loading in bulk, in KiB.
    static let bulkCacheKiB = 256 * 1024
}
