import Foundation

/// A ticket's SLA as of now (§6): the `sla` block of every ticket response.
public struct SLAStatusUseCases: Sendable {
    let deps: Dependencies

    public init(_ deps: Dependencies) { self.deps = deps }

    /// The SLA of tickets the caller already read (and may see), evaluated now under the policy that
    /// applies to each; a stopped clock shows the verdict stored when it stopped (`TicketSLA.settled(_:)`). The stored records are read in one query per organization (a list page costs one
    /// read, not one per ticket); a ticket without a stored record is evaluated from its audit history.
    public func statuses(for tickets: [Ticket]) async throws(DomainError) -> [TicketID: SLAStatus] {
        let now = deps.clock.now()
        var result: [TicketID: SLAStatus] = [:]
        let byOrganization = Dictionary(grouping: tickets, by: \.organizationID)
        for (org, group) in byOrganization {
            let setup = try await deps.slaSetup(org)
            let ids = group.map(\.id)
            let records = try await deps.read { try await $0.ticketSLAs(tickets: ids, in: org) }
            let stored = Dictionary(records.map { ($0.ticketID, $0) }, uniquingKeysWith: { first, _ in first })
            for ticket in group {
                let clock = setup.clock(for: ticket).clock
                if let record = stored[ticket.id] {
                    // Stopped clocks keep the verdict of the policy they ran under.
                    result[ticket.id] = record.settled(clock.evaluate(record.timeline, at: now))
                } else {
                    let history = try await deps.read { try await $0.auditEvents(ticket: ticket.id, in: org) }
                    result[ticket.id] = clock.evaluate(SLATimeline(ticket: ticket, auditEvents: history), at: now)
                }
            }
        }
        return result
    }

    /// The SLA of one ticket the caller already read.
    public func status(for ticket: Ticket) async throws(DomainError) -> SLAStatus {
        try await statuses(for: [ticket])[ticket.id]!
    }
}
