import Foundation

/// The audit history of several tickets in one read: a batched auto-assignment pass (§5) builds the first SLA record
/// of every ticket of its unit that has none from that ticket's history, and reads them all at once instead of one
/// read per decision.
public protocol AuditHistoryQueries: Sendable {
    /// The audit events of each of `tickets` that has any in `organization`, each ticket's in the order
    /// `auditEvents(ticket:in:)` gives; tickets without events, absent, or of another organization are left out.
    /// A ticket named twice is answered once.
    func auditEvents(tickets: [TicketID], in organization: OrganizationID) async throws -> [TicketID: [AuditEvent]]
}

extension AuditHistoryQueries where Self: AuditQueries {
    /// One read per ticket, for stores (and test doubles) without a cheaper way; adapters answer in one query.
    public func auditEvents(tickets: [TicketID], in organization: OrganizationID) async throws -> [TicketID: [AuditEvent]] {
        var history: [TicketID: [AuditEvent]] = [:]
        for ticket in Set(tickets) {
            let events = try await auditEvents(ticket: ticket, in: organization)
            if !events.isEmpty { history[ticket] = events }
        }
        return history
    }
}
