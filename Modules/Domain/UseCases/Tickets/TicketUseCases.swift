/// Everything that reads or changes tickets. Each entry point loads, authorizes through `AccessPolicy`,
/// decides, and commits the new ticket together with its audit events in one unit of work.
public struct TicketUseCases: Sendable {
    let deps: Dependencies

    public init(_ deps: Dependencies) { self.deps = deps }

    /// Reads a ticket the actor may see; `notFound` otherwise.
    public func ticket(_ id: TicketID, actor: Actor) async throws(DomainError) -> Ticket {
        let ticket = try await deps.read { try await $0.ticket(id: id, in: actor.organizationID) }
        guard let ticket else { throw .notFound(entity: "ticket") }
        try AccessPolicy.authorize(actor, .view, on: ticket)
        return ticket
    }

    /// A page of the tickets the actor may see, filtered and sorted.
    public func list(
        actor: Actor, filter: TicketFilter = .init(), sort: TicketSort = .init(), cursor: TicketCursor? = nil, limit: Int = TicketQuery.defaultLimit
    ) async throws(DomainError) -> Page<Ticket> {
        var validator = Validator()
        validator.range(limit, field: "limit", 1...TicketQuery.maximumLimit)
        try validator.check()
        let query = TicketQuery(scope: TicketScope.for(actor), filter: filter, sort: sort, cursor: cursor, limit: limit)
        return try await deps.read { try await $0.tickets(query) }
    }

    /// The audit trail of a ticket (staff only).
    public func history(_ id: TicketID, actor: Actor) async throws(DomainError) -> [AuditEvent] {
        let ticket = try await ticket(id, actor: actor)
        try AccessPolicy.authorize(actor, .viewHistory, on: ticket)
        return try await deps.read { try await $0.auditEvents(ticket: id, in: actor.organizationID) }
    }
}
