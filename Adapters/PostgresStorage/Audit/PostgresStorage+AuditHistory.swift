import Domain
import PostgresNIO

extension PostgresStorage {
    public func auditEvents(tickets: [TicketID], in organization: OrganizationID) async throws -> [TicketID: [AuditEvent]] {
        let ids = Array(Set(tickets.map(\.uuid)))
        guard !ids.isEmpty else { return [:] }
        let events = try await read(
            """
            \(unescaped: AuditEventRow.selectSQL) WHERE ticket_id = ANY(\(ids)) AND organization_id = \(organization.uuid)
            ORDER BY ticket_id, seq
            """,
            AuditEventRow.event(from:))
        return Dictionary(grouping: events, by: \.ticketID)
    }
}
