import Foundation

/// A ticket's SLA as of now (§6): the `sla` block of every ticket response.
public struct SLAStatusUseCases: Sendable {
    let deps: Dependencies

    public init(_ deps: Dependencies) { self.deps = deps }

    /// The SLA of tickets the caller already read (and may see), evaluated now under the policy that
    /// applies to each. A ticket without a stored record is evaluated from its audit history.
    public func statuses(for tickets: [Ticket]) async throws(DomainError) -> [TicketID: SLAStatus] {
        let now = deps.clock.now()
        var setups: [OrganizationID: SLASetup] = [:]
        var result: [TicketID: SLAStatus] = [:]
        for ticket in tickets {
            let setup: SLASetup
            if let known = setups[ticket.organizationID] {
                setup = known
            } else {
                setup = try await deps.slaSetup(ticket.organizationID)
                setups[ticket.organizationID] = setup
            }
            let clock = setup.clock(for: ticket).clock
            let record = try await deps.read { try await $0.ticketSLA(ticket: ticket.id, in: ticket.organizationID) }
            let timeline: SLATimeline
            if let record {
                timeline = record.timeline
            } else {
                let history = try await deps.read { try await $0.auditEvents(ticket: ticket.id, in: ticket.organizationID) }
                timeline = SLATimeline(ticket: ticket, auditEvents: history)
            }
            result[ticket.id] = clock.evaluate(timeline, at: now)
        }
        return result
    }

    /// The SLA of one ticket the caller already read.
    public func status(for ticket: Ticket) async throws(DomainError) -> SLAStatus {
        try await statuses(for: [ticket])[ticket.id]!
    }
}
