import Domain
import GRDB

extension SQLiteStorage {
    public func auditEvents(ticket: TicketID, in organization: OrganizationID) async throws -> [AuditEvent] {
        try await read { db in
            try db.rows(sql: "\(AuditEventRow.selectSQL) WHERE ticket_id = ? AND organization_id = ? ORDER BY seq",
                             arguments: [ticket.description, organization.description])
                .map(AuditEventRow.event(from:))
        }
    }
}
