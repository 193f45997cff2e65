import Domain
import GRDB

extension SQLiteStorage: BulkLoading {
    /// Writes the batch in one IMMEDIATE transaction through the same row writers (and cached, prepared
    /// statements) as a commit, but without a commit per ticket or the per-change existence checks
    /// (foreign keys still hold). Then moves the organization's ticket counter past the highest loaded
    /// number, so that numbering continues after the batch.
    public func load(_ batch: SeedBatch) async throws {
        try await withStorageErrors {
            try await pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    for organization in batch.organizations { try OrganizationRow(organization).insert(db) }
                    for department in batch.departments { try DepartmentRow(department).insert(db) }
                    for user in batch.users { try UserRow(user).insert(db) }
                    for profile in batch.agentProfiles { try AgentProfileRow(profile).insert(db) }
                    var highest: [OrganizationID: Int] = [:]
                    for ticket in batch.tickets {
                        guard ticket.number != .unallocated else { throw StorageError.missing(entity: StorageEntity.ticket, id: "number of \(ticket.id)") }
                        try TicketRow(ticket).insert(db, number: ticket.number)
                        highest[ticket.organizationID] = max(highest[ticket.organizationID] ?? 0, ticket.number.value)
                    }
                    for message in batch.messages { try MessageRow.insert(db, message) }
                    for event in batch.auditEvents { try AuditEventRow.insert(db, event) }
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
