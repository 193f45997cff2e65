import Foundation

/// The one path by which an existing ticket changes: load, authorize, check the caller's version,
/// apply a decision, bump the version, and commit the ticket with its audit events atomically.
struct TicketMutation {
    /// The ticket as it will be stored.
    var ticket: Ticket
    let before: Ticket
    let actor: Actor
    let now: Date
    private(set) var auditEvents: [AuditEvent] = []
    /// Extra writes that must commit with the ticket (messages, agent statistics …).
    var extraChanges: [UnitOfWork.Change] = []
    var events: [DomainEvent] = []
    /// Notifications to enqueue in the outbox with the change.
    var notifications: [PendingNotification] = []
    private let ids: any IDGenerator

    init(ticket: Ticket, actor: Actor, now: Date, ids: any IDGenerator) {
        self.ticket = ticket
        self.before = ticket
        self.actor = actor
        self.now = now
        self.ids = ids
    }

    mutating func audit(_ kind: AuditEvent.Kind, _ changes: [FieldChange] = [], note: String? = nil) {
        auditEvents.append(AuditEvent(
            id: ids.make(), organizationID: ticket.organizationID, ticketID: ticket.id,
            actorID: actor.recordedID, kind: kind, changes: changes, note: note, at: now
        ))
    }

    mutating func event(_ kind: DomainEvent.Kind, staffOnly: Bool = false, data: [String: String] = [:]) {
        events.append(DomainEvent(
            kind: kind, organizationID: ticket.organizationID, ticketID: ticket.id, departmentID: ticket.departmentID,
            agentID: ticket.assigneeID, staffOnly: staffOnly, data: data.merging(["ticketId": ticket.id.description]) { a, _ in a }, at: now
        ))
    }

    mutating func notify(_ kind: Notification.Kind, _ audience: PendingNotification.Audience, _ values: [String: String] = [:]) {
        notifications.append(PendingNotification(kind: kind, audience: audience, values: values))
    }

    /// Moves the status through the state machine, recording it; refuses illegal moves.
    mutating func move(to status: TicketStatus, note: String? = nil) throws(DomainError) {
        guard ticket.status != status else { return }
        guard ticket.status.canMove(to: status) else { throw .illegalTransition(from: ticket.status, to: status) }
        audit(.statusChanged, [FieldChange(field: "status", before: ticket.status.rawValue, after: status.rawValue)], note: note)
        ticket.status = status
    }

    mutating func id<Entity>(_: Entity.Type = Entity.self) -> Identifier<Entity> { ids.make() }
}

extension TicketUseCases {
    /// Applies `decide` to the current ticket and commits. With `expectedVersion` (an `If-Match`), a stale
    /// caller gets `staleVersion`; without it, a concurrent change is retried on fresh state a few times.
    func mutate(
        _ id: TicketID, actor: Actor, action: TicketAction, expectedVersion: Int? = nil,
        _ decide: (inout TicketMutation) async throws(DomainError) -> Void
    ) async throws(DomainError) -> Ticket {
        var attempt = 0
        while true {
            attempt += 1
            let current = try await ticket(id, actor: actor)
            try AccessPolicy.authorize(actor, action, on: current)
            if let expectedVersion, expectedVersion != current.version { throw .staleVersion(current: current.version) }

            var mutation = TicketMutation(ticket: current, actor: actor, now: deps.clock.now(), ids: deps.ids)
            try await decide(&mutation)
            let unit = try await seal(&mutation, readVersion: current.version)
            do {
                _ = try await deps.storage.commit(unit)
            } catch StorageError.versionConflict(let entity, _) {
                if entity == StorageEntity.ticket, expectedVersion != nil {
                    let fresh = try await ticket(id, actor: actor)
                    throw .staleVersion(current: fresh.version)
                }
                if attempt < 3 { continue } // someone changed it meanwhile: decide again on fresh state
                throw .conflict(reason: "the ticket is being changed concurrently; retry")
            } catch {
                throw DomainError(storageFailure: error)
            }
            deps.eventsCommitted()
            return mutation.ticket
        }
    }
}

extension TicketUseCases {
    /// Finishes a decided mutation (next version, time, a default event) and builds its unit of work: the ticket
    /// guarded by the version it was read at, the extra changes, the audit events, the outbox jobs and the
    /// domain events, so that history, notifications and real-time events commit with the change.
    /// `sla`: the organization's SLA configuration when the caller read it already (once per auto-assignment pass).
    /// `storedSLA`: the ticket's SLA record as the caller read it (`.some(nil)`: it has none), with `sla` given;
    /// `knownUsers`: staff the caller read already. `storedHistory`: with `storedSLA` `.some(nil)`, the ticket's
    /// stored audit events as the caller read them. All spare a batched auto-assignment a read per decision; the
    /// versions in the unit still guard everything read earlier.
    func seal(
        _ mutation: inout TicketMutation, readVersion: Int, sla: SLASetup? = nil, storedSLA: TicketSLA?? = nil,
        storedHistory: [AuditEvent]? = nil, knownUsers: [UserID: User] = [:]
    ) async throws(DomainError) -> UnitOfWork {
        mutation.ticket.version = readVersion + 1
        mutation.ticket.updatedAt = mutation.now
        if mutation.events.isEmpty { mutation.event(.ticketUpdated) }
        var unit = UnitOfWork([.updateTicket(mutation.ticket, expectedVersion: readVersion)])
        unit.append(contentsOf: mutation.extraChanges)
        unit.append(contentsOf: mutation.auditEvents.map { .appendAuditEvent($0) })
        // The SLA record changes with the ticket, or not at all (its version guards it like the ticket's).
        if let sla, let storedSLA {
            unit.append(try await deps.slaChange(
                for: mutation.ticket, newAuditEvents: mutation.auditEvents, at: mutation.now, setup: sla, stored: storedSLA,
                history: storedHistory))
        } else {
            unit.append(try await deps.slaChange(for: mutation.ticket, newAuditEvents: mutation.auditEvents, at: mutation.now, setup: sla))
        }
        unit.append(contentsOf: try await deps.outboxJobs(
            for: mutation.notifications, ticket: mutation.ticket, actor: mutation.actor.userID, now: mutation.now,
            knownUsers: knownUsers))
        unit.record(mutation.events)
        return unit
    }
}
