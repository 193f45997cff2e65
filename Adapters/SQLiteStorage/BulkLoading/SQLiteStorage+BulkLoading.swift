import Domain
import GRDB

extension SQLiteStorage: BulkLoading {
    /// Writes the batch in one IMMEDIATE transaction: people through the commit's row writers, tickets,
    /// messages, audit events and SLA records through `BulkRows` (positional arguments to cached
    /// statements, one JSON encoder for the batch), without a commit per ticket or the per-change
    /// existence checks (foreign keys and unique keys still hold: a duplicate fails the whole batch with
    /// `.duplicate`). Then moves the organization's ticket counter past the highest loaded number, so
    /// that numbering continues after the batch.
    public func load(_ batch: SeedBatch) async throws {
        try await withStorageErrors {
            try await pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    for organization in batch.organizations { try OrganizationRow(organization).insert(db) }
                    for department in batch.departments { try DepartmentRow(department).insert(db) }
                    for user in batch.users { try UserRow(user).insert(db) }
                    for profile in batch.agentProfiles { try AgentProfileRow(profile).insert(db) }
                    let rows = BulkRows(db: db)
                    var highest: [OrganizationID: Int] = [:]
                    for ticket in batch.tickets {
                        guard ticket.number != .unallocated else { throw StorageError.missing(entity: StorageEntity.ticket, id: "number of \(ticket.id)") }
                        try rows.insert(ticket)
                        highest[ticket.organizationID] = max(highest[ticket.organizationID] ?? 0, ticket.number.value)
                    }
                    for message in batch.messages { try rows.insert(message) }
                    for event in batch.auditEvents { try rows.insert(event) }
                    for record in batch.ticketSLAs { try rows.insert(record) }
                    for (organization, number) in highest {
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
}
