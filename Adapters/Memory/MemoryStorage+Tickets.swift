import Domain
import Foundation

extension MemoryStorage {
    public func ticket(id: TicketID, in organization: OrganizationID) async throws -> Ticket? {
        try ensureAvailable()
        return state.ticket(id, in: organization)
    }

    public func ticket(number: TicketNumber, in organization: OrganizationID) async throws -> Ticket? {
        try ensureAvailable()
        return state.ticketsByNumber[organization]?[number].flatMap { state.ticket($0, in: organization) }
    }

    /// Scope and filter by `TicketQuery.matches`, position by `TicketCursor.admits`, order by `TicketSort.precedes`.
    public func tickets(_ query: TicketQuery) async throws -> Page<Ticket> {
        try ensureAvailable()
        let limit = min(max(query.limit, 1), TicketQuery.maximumLimit)
        let matching = state.tickets.values
            .filter { query.matches($0) && (query.cursor?.admits($0, sort: query.sort) ?? true) }
            .sorted { query.sort.precedes($0, $1) }
        let items = Array(matching.prefix(limit))
        let next = matching.count > limit ? items.last.map { TicketCursor(after: $0, sort: query.sort) } : nil
        return Page(items: items, nextCursor: next)
    }

    public func idempotencyRecord(organization: OrganizationID, user: UserID, key: String) async throws -> IdempotencyRecord? {
        try ensureAvailable()
        return state.idempotencyRecords[.init(organizationID: organization, userID: user, key: key)]
    }

    public func messages(ticket: TicketID, in organization: OrganizationID, includeInternal: Bool) async throws -> [Message] {
        try ensureAvailable()
        return state.messages.values
            .filter { $0.ticketID == ticket && $0.organizationID == organization && (includeInternal || !$0.isInternal) }
            .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    public func auditEvents(ticket: TicketID, in organization: OrganizationID) async throws -> [AuditEvent] {
        try ensureAvailable()
        return (state.auditEvents[ticket] ?? []).filter { $0.organizationID == organization }
    }
}
