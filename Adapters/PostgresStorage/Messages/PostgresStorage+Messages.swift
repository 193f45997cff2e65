import Domain
import PostgresNIO

extension PostgresStorage {
    public func messages(ticket: TicketID, in organization: OrganizationID, includeInternal: Bool) async throws -> [Message] {
        if includeInternal {
            try await read(
                "\(unescaped: MessageRow.selectSQL) WHERE ticket_id = \(ticket.uuid) AND organization_id = \(organization.uuid) ORDER BY created_at, id",
                MessageRow.message(from:))
        } else {
            try await read(
                """
                \(unescaped: MessageRow.selectSQL) WHERE ticket_id = \(ticket.uuid) AND organization_id = \(organization.uuid) AND NOT is_internal
                ORDER BY created_at, id
                """,
                MessageRow.message(from:))
        }
    }
}
