import Domain
import GRDB

extension SQLiteStorage {
    public func ticket(id: TicketID, in organization: OrganizationID) async throws -> Ticket? {
        try await read { db in
            try db.row(sql: "\(TicketRow.selectSQL) WHERE id = ? AND organization_id = ?",
                             arguments: [id.description, organization.description])
                .map(TicketRow.ticket(from:))
        }
    }

    public func ticket(number: TicketNumber, in organization: OrganizationID) async throws -> Ticket? {
        try await read { db in
            try db.row(sql: "\(TicketRow.selectSQL) WHERE organization_id = ? AND number = ?",
                             arguments: [organization.description, number.value])
                .map(TicketRow.ticket(from:))
        }
    }

    public func tickets(_ query: TicketQuery) async throws -> Page<Ticket> {
        let list = TicketListSQL(query)
        return try await read { db in
            var tickets = try Row.fetchAll(db, sql: list.sql, arguments: list.arguments).map(TicketRow.ticket(from:))
            // One row more than the page was fetched: its presence says whether a next page exists.
            guard tickets.count > list.pageSize else { return Page(items: tickets, nextCursor: nil) }
            tickets.removeLast(tickets.count - list.pageSize)
            return Page(items: tickets, nextCursor: tickets.last.map { TicketCursor(after: $0, sort: query.sort) })
        }
    }

    public func idempotencyRecord(organization: OrganizationID, user: UserID, key: String) async throws -> IdempotencyRecord? {
        try await read { db in
            try db.row(sql: "\(IdempotencyKeyRow.selectSQL) WHERE organization_id = ? AND user_id = ? AND key = ?",
                             arguments: [organization.description, user.description, key])
                .map(IdempotencyKeyRow.record(from:))
        }
    }
}
