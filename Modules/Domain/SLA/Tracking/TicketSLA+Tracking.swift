import Foundation

extension TicketSLA {
    /// The record of a ticket just created, evaluated at its creation.
    public static func start(for ticket: Ticket, clock: SLAClock) -> TicketSLA {
        var record = TicketSLA(
            ticketID: ticket.id, organizationID: ticket.organizationID, policyID: clock.policyID,
            timeline: SLATimeline(createdAt: ticket.createdAt, priority: ticket.priority, firstResponseAt: ticket.firstResponseAt)
        )
        record.follow(ticket, clock: clock, at: ticket.createdAt)
        return record
    }

    /// The record of a ticket that has none yet (created before SLA records existed), rebuilt from its
    /// audit history, evaluated at `now`.
    public static func rebuilt(for ticket: Ticket, auditEvents: [AuditEvent], clock: SLAClock, at now: Date) -> TicketSLA {
        var record = TicketSLA(
            ticketID: ticket.id, organizationID: ticket.organizationID, policyID: clock.policyID,
            timeline: SLATimeline(ticket: ticket, auditEvents: auditEvents)
        )
        record.follow(ticket, clock: clock, at: now)
        return record
    }

    /// Brings the record up to `ticket` as changed at `now`: a new status or priority extends the
    /// timeline from `now` (so due times are recomputed from the ticket's creation), the first response
    /// is taken over, and due times and the next check are recomputed under `clock` (the policy that
    /// applies to the ticket now). Does not change `version` or `reported`.
    public mutating func follow(_ ticket: Ticket, clock: SLAClock, at now: Date) {
        let lastStatus = timeline.statusChanges.last?.value ?? .open
        if ticket.status != lastStatus { timeline.statusChanges.append(.init(at: now, ticket.status)) }
        let lastPriority = timeline.priorityChanges.last?.value ?? timeline.initialPriority
        if ticket.priority != lastPriority { timeline.priorityChanges.append(.init(at: now, ticket.priority)) }
        timeline.firstResponseAt = ticket.firstResponseAt
        policyID = clock.policyID
        assigneeID = ticket.assigneeID
        departmentID = ticket.departmentID
        _ = refresh(clock: clock, at: now)
    }

    /// Recomputes due times and the next check at `now`, and returns the crossings reached by `now`
    /// that are not reported yet, in time order (warnings before breaches at equal times). The caller
    /// reports them by adding them to `reported` (`sweep(clock:at:)` does both).
    ///
    /// A warning of a clock that has stopped is no longer worth reporting and is dropped; a breach is
    /// reported even when the clock stopped after it (it is a fact for the history and compliance).
    @discardableResult
    mutating func refresh(clock: SLAClock, at now: Date) -> [SLACrossing] {
        let evaluated = clock.evaluate(timeline, at: now)
        // A clock that stopped keeps the verdict recorded when it stopped; one stopped now records it; one running
        // again (reopened) drops it.
        for state in [evaluated.firstResponse, evaluated.resolution] {
            let kept = verdict(state.metric)
            verdicts.removeAll { $0.metric == state.metric }
            guard let stoppedAt = state.stoppedAt else { continue }
            verdicts.append(kept?.stoppedAt == stoppedAt ? kept! : state)
        }
        verdicts.sort { $0.metric == .firstResponse && $1.metric != .firstResponse }
        let status = settled(evaluated)
        firstResponseDueAt = status.firstResponse.dueAt
        resolutionDueAt = status.resolution.dueAt
        var due: [SLACrossing] = []
        var upcoming: [Date] = []
        for state in [status.firstResponse, status.resolution] {
            if !hasReported(state.metric, .warning), state.stoppedAt == nil, let warningAt = state.warningAt {
                if warningAt <= now { due.append(SLACrossing(metric: state.metric, kind: .warning, at: warningAt)) } else { upcoming.append(warningAt) }
            }
            if !hasReported(state.metric, .breached) {
                if let breachedAt = state.breachedAt {
                    due.append(SLACrossing(metric: state.metric, kind: .breached, at: breachedAt))
                } else if state.stoppedAt == nil, let breachAt = state.breachAt {
                    // Breached at any instant after the due time, so the first instant to look is 1 ms later.
                    let firstBreached = Date(millisecondsSince1970: breachAt.millisecondsSince1970 + 1)
                    if firstBreached > now { upcoming.append(firstBreached) }
                }
            }
        }
        // Crossings not reported yet keep the record due, whoever saves it, until the worker reports them.
        nextCheckAt = (due.map(\.at) + upcoming).min()
        return due.sorted { ($0.at, $0.kind == .warning ? 0 : 1) < ($1.at, $1.kind == .warning ? 0 : 1) }
    }

    /// What the SLA worker does with a due record: the crossings to report now, and the record to save
    /// (with them reported, the next check moved on, and the version raised).
    public func sweep(clock: SLAClock, at now: Date) -> (record: TicketSLA, crossings: [SLACrossing]) {
        var next = self
        let crossings = next.refresh(clock: clock, at: now)
        next.reported.append(contentsOf: crossings)
        _ = next.refresh(clock: clock, at: now)
        next.version = version + 1
        return (next, crossings)
    }
}
