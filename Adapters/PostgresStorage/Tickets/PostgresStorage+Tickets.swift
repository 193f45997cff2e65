import Domain
import PostgresNIO

extension PostgresStorage {
    public func ticket(id: TicketID, in organization: OrganizationID) async throws -> Ticket? {
        try await readOne("\(unescaped: TicketRow.selectSQL) WHERE id = \(id.uuid) AND organization_id = \(organization.uuid)", TicketRow.ticket(from:))
    }

    public func ticket(number: TicketNumber, in organization: OrganizationID) async throws -> Ticket? {
        try await readOne(
            "\(unescaped: TicketRow.selectSQL) WHERE organization_id = \(organization.uuid) AND number = \(number.value)", TicketRow.ticket(from:))
    }

    public func tickets(_ query: TicketQuery) async throws -> Page<Ticket> {
        let list = TicketListSQL(query)
        var tickets = try await read(list.statement.query, TicketRow.ticket(from:))
        // One row more than the page was fetched: its presence says whether a next page exists.
        guard tickets.count > list.pageSize else { return Page(items: tickets, nextCursor: nil) }
        tickets.removeLast(tickets.count - list.pageSize)
        return Page(items: tickets, nextCursor: tickets.last.map { TicketCursor(after: $0, sort: query.sort) })
    }

    public func idempotencyRecord(organization: OrganizationID, user: UserID, key: String) async throws -> IdempotencyRecord? {
        try await readOne(
            "\(unescaped: IdempotencyKeyRow.selectSQL) WHERE organization_id = \(organization.uuid) AND user_id = \(user.uuid) AND key = \(key)",
            IdempotencyKeyRow.record(from:))
    }
}
