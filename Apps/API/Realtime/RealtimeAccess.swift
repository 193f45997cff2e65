import Domain

/// Who may subscribe to which room and hear which event: the permission policy (§14) applied to §7.
struct RealtimeAccess: Sendable {
    let deps: Dependencies

    /// Throws `forbidden` when `actor` may not subscribe to `room` (a ticket they may not see is
    /// `forbidden` too, so a socket cannot probe which tickets exist). For a ticket room, returns where
    /// the ticket stood when checked: later events are compared with it to know when to check again.
    @discardableResult
    func authorize(_ actor: Actor, _ room: RealtimeRoom) async throws(DomainError) -> RealtimeTicketPlacement? {
        switch room {
        case .ticket(let id):
            do {
                let ticket = try await TicketUseCases(deps).ticket(id, actor: actor)
                try AccessPolicy.authorize(actor, .view, on: ticket)
                return RealtimeTicketPlacement(ticket)
            } catch let error where error.isAccessRefusal {
                throw .forbidden(reason: "you may not follow this ticket")
            }
        case .queue(let department):
            guard Self.mayFollowQueue(actor, department) else {
                throw .forbidden(reason: "only staff of the department may follow its queue")
            }
        case .agent:
            guard actor.role.isStaff else { throw .forbidden(reason: "only staff have an agent channel") }
        case .admin:
            guard actor.role == .admin else { throw .forbidden(reason: "only admins may follow the admin channel") }
        }
        return nil
    }

    /// Whether `actor` may hear `event` at all: same organization, and staff-only events only for staff.
    static func mayReceive(_ actor: Actor, _ event: DomainEvent) -> Bool {
        event.organizationID == actor.organizationID && (!event.staffOnly || AccessPolicy.seesInternal(actor))
    }

    /// Whether `actor`, following `room`, hears `event` there: the room holds it, the actor may hear it at
    /// all (`mayReceive`), and a queue room carries it (`queueCarries`).
    static func mayHear(_ actor: Actor, _ event: DomainEvent, in room: RealtimeRoom) -> Bool {
        guard room.contains(event), mayReceive(actor, event) else { return false }
        if case .queue = room { return queueCarries(event, to: actor) }
        return true
    }

    /// What a department's queue room carries to `actor`. Never a conversation (messages, typing, read
    /// marks): those belong to the ticket's own room, whose access is checked per ticket. Always a ticket
    /// leaving the queue or changing hands (an assignment, an escalation), so that every queue view can
    /// drop it. Other ticket events go to supervisors and admins, who see every ticket of the department,
    /// but to an agent only for the tickets an agent may view there (`AccessPolicy`): unassigned ones and
    /// their own, told by the event's assignee.
    static func queueCarries(_ event: DomainEvent, to actor: Actor) -> Bool {
        switch event.kind {
        case .messageCreated, .typing, .messageRead: return false
        case .ticketAssigned, .ticketEscalated: return true
        default:
            guard event.ticketID != nil, actor.role == .agent else { return true }
            return event.agentID == nil || event.agentID == actor.userID
        }
    }

    /// Admins follow every queue of their organization; other staff the queues of their departments.
    static func mayFollowQueue(_ actor: Actor, _ department: DepartmentID) -> Bool {
        actor.role == .admin || (actor.role.isStaff && actor.departmentIDs.contains(department))
    }

    /// Whether `event` may have changed whether `actor` still may follow the ticket room `room`, whose ticket
    /// stood at `placement` when last seen: only then is the room checked again (a read), so that ordinary
    /// traffic costs nothing. A customer's or an admin's view of a ticket never changes with the ticket
    /// (its customer and organization are fixed); an agent's and a supervisor's depend on its department,
    /// assignee and participants, which only assignments, escalations and updates change. A changed
    /// department or assignee shows in the event itself; an assignment or escalation is checked always.
    static func mayChangeAccess(_ actor: Actor, to room: RealtimeRoom, placedAt placement: RealtimeTicketPlacement?, by event: DomainEvent) -> Bool {
        guard case .ticket(let id) = room, event.ticketID == id, actor.role == .agent || actor.role == .supervisor else { return false }
        switch event.kind {
        case .ticketAssigned, .ticketEscalated: return true
        case .ticketUpdated, .queueUpdated: return placement != RealtimeTicketPlacement(event)
        default: return false
        }
    }

    /// Whether `event` announces that `actor`'s own departments changed: every room they follow is checked again.
    static func changesMembership(of actor: Actor, _ event: DomainEvent) -> Bool {
        event.kind == .agentDepartmentsChanged && event.organizationID == actor.organizationID && event.agentID == actor.userID
    }
}

/// Where a ticket stands for the access policy's department rules: its department and assignee. Not a
/// permission: only what tells a session that a ticket event may have changed one.
struct RealtimeTicketPlacement: Equatable, Sendable {
    let departmentID: DepartmentID?
    let assigneeID: UserID?

    init(_ ticket: Ticket) {
        departmentID = ticket.departmentID
        assigneeID = ticket.assigneeID
    }

    /// Ticket events carry the department and assignee the ticket had when the event was recorded.
    init(_ event: DomainEvent) {
        departmentID = event.departmentID
        assigneeID = event.agentID
    }
}

extension DomainError {
    /// A refusal that must not tell "absent" from "not yours".
    var isAccessRefusal: Bool {
        switch self {
        case .notFound, .forbidden: true
        default: false
        }
    }
}
