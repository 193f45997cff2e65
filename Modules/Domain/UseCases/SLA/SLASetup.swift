import Foundation

/// An organization's SLA configuration as read once: which policy and calendar apply to a ticket.
struct SLASetup: Sendable {
    let policies: [SLAPolicy]
    let hours: [BusinessHours]

    /// The policy that applies to `ticket` (`nil`: the §6 defaults, 24/7) and its clock. A calendar that
    /// is missing or no longer valid counts as 24/7 rather than stopping the clocks.
    func clock(for ticket: Ticket) -> (policy: SLAPolicy?, clock: SLAClock) {
        guard let policy = SLAPolicy.select(from: policies, for: ticket) else { return (nil, .default) }
        let calendar = policy.businessHoursID
            .flatMap { id in hours.first { $0.id == id } }
            .flatMap { try? $0.calendar() } ?? .always
        return (policy, SLAClock(policy: policy, calendar: calendar))
    }
}

extension Dependencies {
    func slaSetup(_ organization: OrganizationID) async throws(DomainError) -> SLASetup {
        let policies = try await read { try await $0.slaPolicies(in: organization) }
        let hours = try await read { try await $0.businessHours(in: organization) }
        return SLASetup(policies: policies, hours: hours)
    }

    /// The write that keeps `ticket`'s SLA record current in the unit of work that changes the ticket
    /// (from `newAuditEvents`, the audit events that unit adds). A ticket without a record (created before
    /// records existed) gets one rebuilt from its history. `setup`: the organization's configuration when the
    /// caller read it already; otherwise it is read here.
    func slaChange(
        for ticket: Ticket, newAuditEvents: [AuditEvent], at now: Date, setup: SLASetup? = nil
    ) async throws(DomainError) -> UnitOfWork.Change {
        let configuration: SLASetup
        if let setup { configuration = setup } else { configuration = try await slaSetup(ticket.organizationID) }
        let stored = try await read { try await $0.ticketSLA(ticket: ticket.id, in: ticket.organizationID) }
        return try await slaChange(for: ticket, newAuditEvents: newAuditEvents, at: now, setup: configuration, stored: stored)
    }

    /// The same write from the record as the caller read it (`stored`; `nil`: the ticket has none), as a batched
    /// auto-assignment does for a whole batch at once. The record's version guards the write, so a record changed
    /// since fails the unit instead of being overwritten. `history`: the ticket's stored audit events when the caller
    /// read them already (a batched pass reads those of every ticket without a record at once); otherwise, when the
    /// ticket has no record, they are read here.
    func slaChange(
        for ticket: Ticket, newAuditEvents: [AuditEvent], at now: Date, setup configuration: SLASetup, stored: TicketSLA?,
        history knownHistory: [AuditEvent]? = nil
    ) async throws(DomainError) -> UnitOfWork.Change {
        let clock = configuration.clock(for: ticket).clock
        guard var record = stored else {
            let history: [AuditEvent] = if let knownHistory {
                knownHistory
            } else {
                try await read { try await $0.auditEvents(ticket: ticket.id, in: ticket.organizationID) }
            }
            return .saveTicketSLA(.rebuilt(for: ticket, auditEvents: history + newAuditEvents, clock: clock, at: now), expectedVersion: nil)
        }
        let read = record.version
        record.follow(ticket, clock: clock, at: now)
        record.version = read + 1
        return .saveTicketSLA(record, expectedVersion: read)
    }
}
