import Domain
import GRDB

extension SQLiteStorage {
    public func messages(ticket: TicketID, in organization: OrganizationID, includeInternal: Bool) async throws -> [Message] {
        try await read { db in
            let internalClause = includeInternal ? "" : " AND is_internal = 0"
            return try db.rows(
                sql: "\(MessageRow.selectSQL) WHERE ticket_id = ? AND organization_id = ?\(internalClause) ORDER BY created_at, id",
                arguments: [ticket.description, organization.description]
            ).map(MessageRow.message(from:))
        }
    }
}
