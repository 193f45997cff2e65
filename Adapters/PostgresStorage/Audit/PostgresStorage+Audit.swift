import Domain
import PostgresNIO

extension PostgresStorage {
    public func auditEvents(ticket: TicketID, in organization: OrganizationID) async throws -> [AuditEvent] {
        try await read(
            "\(unescaped: AuditEventRow.selectSQL) WHERE ticket_id = \(ticket.uuid) AND organization_id = \(organization.uuid) ORDER BY seq",
            AuditEventRow.event(from:))
    }
}
