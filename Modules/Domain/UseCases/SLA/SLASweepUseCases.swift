import Foundation

/// The SLA worker's job (§6): find tickets whose SLA crossed a warning or breach threshold through the
/// due-time index, report each crossing exactly once, and escalate breaches per policy.
///
/// Exactly once, with any number of workers: a crossing is reported by saving the ticket's SLA record
/// with the crossing added, under the record's version, in the same unit of work as its audit event and
/// notifications. Of two workers that saw the same record, only the first save succeeds; the other gets a
/// version conflict and drops its report. Only the worker whose save succeeded escalates.
public struct SLASweepUseCases: Sendable {
    let deps: Dependencies

    public init(_ deps: Dependencies) { self.deps = deps }

    /// What one sweep did.
    public struct Report: Sendable, Equatable {
        /// Records looked at (at most the batch limit).
        public var examined = 0
        /// Crossings this sweep reported, per ticket, in order.
        public var reported: [TicketID: [SLACrossing]] = [:]
        /// Records another worker or a ticket change saved first (left to them).
        public var conflicts = 0
        /// Tickets escalated because of a breach.
        public var escalated: [TicketID] = []
        /// Failures that did not stop the sweep (a ticket that vanished, an escalation refused …).
        public var problems: [String] = []

        public init() {}

        /// Whether a full batch was examined (there may be more due records).
        public func filled(_ limit: Int) -> Bool { examined >= limit }
    }

    /// Examines up to `limit` records due now (oldest `nextCheckAt` first) in every organization.
    public func sweep(limit: Int = 100) async throws(DomainError) -> Report {
        let now = deps.clock.now()
        let due = try await deps.read { try await $0.ticketSLAsDue(at: now, limit: limit) }
        var report = Report()
        report.examined = due.count
        var setups: [OrganizationID: SLASetup] = [:]
        // Read once per organization and pass: re-reading every agent profile for each crossing made a
        // pass cost tens of milliseconds per due record (measured by the benchmark's sweep scenario).
        var rosters: [OrganizationID: SupervisorRoster] = [:]
        for record in due {
            let org = record.organizationID
            let ticket = try await deps.read { try await $0.ticket(id: record.ticketID, in: org) }
            guard let ticket else {
                report.problems.append("ticket \(record.ticketID) of an SLA record is missing")
                continue
            }
            let setup: SLASetup
            if let known = setups[org] {
                setup = known
            } else {
                setup = try await deps.slaSetup(org)
                setups[org] = setup
            }
            let (policy, clock) = setup.clock(for: ticket)
            var next = record
            next.follow(ticket, clock: clock, at: now) // the policy may have changed since the last save
            let (saved, crossings) = next.sweep(clock: clock, at: now)
            var swept = saved
            swept.version = record.version + 1
            guard swept != record else { continue }
            var supervisors: [UserID] = []
            if !crossings.isEmpty {
                if rosters[org] == nil { rosters[org] = try await roster(of: org) }
                supervisors = rosters[org]!.supervisors(of: ticket)
            }
            do {
                try await commit(swept, expected: record.version, crossings: crossings, ticket: ticket, supervisors: supervisors, now: now)
            } catch .conflict {
                report.conflicts += 1
                continue
            }
            guard !crossings.isEmpty else { continue }
            report.reported[ticket.id] = crossings
            if let escalation = policy?.escalation {
                for crossing in crossings where crossing.kind == .breached {
                    do {
                        if try await escalate(ticket.id, org: org, escalation: escalation, crossing: crossing) { report.escalated.append(ticket.id) }
                    } catch {
                        report.problems.append("escalating ticket \(ticket.id): \(error)")
                    }
                }
            }
        }
        return report
    }

    private func commit(
        _ record: TicketSLA, expected: Int, crossings: [SLACrossing], ticket: Ticket, supervisors: [UserID], now: Date
    ) async throws(DomainError) {
        var unit = UnitOfWork([.saveTicketSLA(record, expectedVersion: expected)])
        var pending: [PendingNotification] = []
        for crossing in crossings {
            let reason = Self.reason(crossing)
            unit.append(.appendAuditEvent(AuditEvent(
                id: deps.ids.make(), organizationID: ticket.organizationID, ticketID: ticket.id, actorID: nil,
                kind: crossing.kind == .warning ? .slaWarning : .slaBreached,
                changes: [FieldChange(field: "sla.\(crossing.metric.rawValue)", before: nil, after: crossing.kind.rawValue)],
                note: reason, at: now
            )))
            let kind: Notification.Kind = crossing.kind == .warning ? .slaWarning : .slaBreached
            let audience = ([ticket.assigneeID].compactMap { $0 } + supervisors).reduce(into: [UserID]()) { if !$0.contains($1) { $0.append($1) } }
            pending += audience.map { PendingNotification(kind: kind, audience: .user($0), values: ["reason": reason]) }
        }
        unit.append(contentsOf: try await deps.outboxJobs(for: pending, ticket: ticket, actor: nil, now: now))
        unit.record(events(for: crossings, ticket: ticket, now: now))
        do {
            _ = try await deps.storage.commit(unit)
        } catch StorageError.versionConflict {
            throw .conflict(reason: "the SLA record of ticket \(ticket.id) was saved concurrently")
        } catch StorageError.duplicate {
            throw .conflict(reason: "an audit event of ticket \(ticket.id) already exists")
        } catch {
            throw DomainError(storageFailure: error)
        }
        deps.eventsCommitted()
    }

    /// An organization's active supervisors and the departments each belongs to.
    struct SupervisorRoster {
        let supervisors: [UserID]
        let departments: [UserID: Set<DepartmentID>]

        /// Active supervisors of the ticket's department (every supervisor when it has none).
        func supervisors(of ticket: Ticket) -> [UserID] {
            guard let department = ticket.departmentID else { return supervisors }
            return supervisors.filter { departments[$0]?.contains(department) ?? false }
        }
    }

    private func roster(of org: OrganizationID) async throws(DomainError) -> SupervisorRoster {
        let users = try await deps.read { try await $0.users(in: org, role: .supervisor) }.filter(\.isActive)
        let profiles = try await deps.read { try await $0.agentProfiles(in: org) }
        let ids = Set(users.map(\.id))
        let departments = Dictionary(profiles.filter { ids.contains($0.userID) }.map { ($0.userID, $0.departmentIDs) }, uniquingKeysWith: { a, _ in a })
        return SupervisorRoster(supervisors: users.map(\.id), departments: departments)
    }

    /// The `sla.warning` / `sla.breached` events of the crossings, recorded in the unit that reports them.
    private func events(for crossings: [SLACrossing], ticket: Ticket, now: Date) -> [DomainEvent] {
        crossings.map { crossing in
            DomainEvent(
                kind: crossing.kind == .warning ? .slaWarning : .slaBreached, organizationID: ticket.organizationID,
                ticketID: ticket.id, departmentID: ticket.departmentID, agentID: ticket.assigneeID, staffOnly: true,
                data: ["ticketId": ticket.id.description, "metric": crossing.metric.rawValue, "at": String(crossing.at.millisecondsSince1970)],
                at: now
            )
        }
    }

    /// Escalates through the escalation use case as the system; false when there is nobody to escalate to
    /// or the ticket is no longer active.
    private func escalate(_ id: TicketID, org: OrganizationID, escalation: SLAEscalation, crossing: SLACrossing) async throws(DomainError) -> Bool {
        let tickets = TicketUseCases(deps)
        let system = Actor.operator(in: org)
        let current = try await tickets.ticket(id, actor: system)
        guard current.status.isActive, let department = escalation.toDepartmentID ?? current.departmentID else { return false }
        _ = try await tickets.escalate(id, toAgent: nil, toDepartment: department, reason: Self.reason(crossing), actor: system)
        return true
    }

    static func reason(_ crossing: SLACrossing) -> String {
        let metric = crossing.metric == .firstResponse ? "first response" : "resolution"
        return crossing.kind == .warning ? "The \(metric) target is at most half left." : "The \(metric) target was missed."
    }
}
