/// The permission policy of §14, as pure functions over an actor and a ticket.
///
/// - customers: their own tickets; reply, reopen, close, rate; never internal notes or history.
/// - agents: tickets assigned to them, tickets they took part in, and unassigned tickets of their
///   departments (or of no department) — the queue. They work (status, resolve …) what is theirs.
/// - supervisors: additionally every ticket of their departments, and they assign and merge there.
/// - admins: everything in their organization.
/// Nothing crosses organizations. A ticket one may not see is "not found" (existence must not leak);
/// a visible ticket one may not act on is "forbidden".
public enum AccessPolicy {
    /// Whether the actor may know the ticket exists.
    public static func canView(_ actor: Actor, _ ticket: Ticket) -> Bool {
        TicketScope.for(actor).contains(ticket)
    }

    /// Whether the actor may do `action` on `ticket` (visibility included).
    public static func allows(_ actor: Actor, _ action: TicketAction, on ticket: Ticket) -> Bool {
        guard canView(actor, ticket) else { return false }
        let isOwner = ticket.customerID == actor.userID
        let isAssignee = ticket.assigneeID == actor.userID
        let isParticipant = ticket.participantIDs.contains(actor.userID)
        let inMyDepartment = ticket.departmentID.map(actor.departmentIDs.contains) ?? true
        switch actor.role {
        case .admin:
            return true
        case .customer:
            switch action {
            case .view, .reply, .reopen, .close, .rate: return isOwner
            default: return false
            }
        case .agent:
            switch action {
            case .view, .viewHistory, .viewInternalNotes, .addInternalNote: return true
            case .take: return ticket.assigneeID == nil
            case .reply, .updateFields, .changeStatus, .changePriority, .escalate, .resolve, .close, .reopen:
                return isAssignee || isParticipant
            case .assign: return false // agents may only assign to themselves; see `mayAssign`.
            case .rate, .merge: return false
            }
        case .supervisor:
            switch action {
            case .rate: return false
            case .take: return ticket.assigneeID == nil
            default: return inMyDepartment || isAssignee || isParticipant
            }
        }
    }

    /// Throws `notFound` when the ticket is invisible to the actor, `forbidden` when visible but not allowed.
    public static func authorize(_ actor: Actor, _ action: TicketAction, on ticket: Ticket) throws(DomainError) {
        guard canView(actor, ticket) else { throw .notFound(entity: "ticket") }
        guard allows(actor, action, on: ticket) else {
            throw .forbidden(reason: "a \(actor.role.rawValue) may not \(action.rawValue) this ticket")
        }
    }

    /// Whether the actor may assign `ticket` to `assignee`: supervisors and admins to anyone on staff,
    /// agents only to themselves and only while it is unassigned (that is "take").
    public static func mayAssign(_ actor: Actor, _ ticket: Ticket, to assignee: UserID) -> Bool {
        switch actor.role {
        case .admin, .supervisor: allows(actor, .assign, on: ticket)
        case .agent: assignee == actor.userID && allows(actor, .take, on: ticket)
        case .customer: false
        }
    }

    /// Organization-wide permissions.
    public static func allows(_ actor: Actor, _ action: OrganizationAction) -> Bool {
        switch action {
        case .createTicket: true
        case .listAgents, .viewQueue, .setOwnAvailability: actor.role.isStaff
        case .manageAgents, .manageDepartments, .manageUsers: actor.role == .admin
        case .manageSLA: actor.role == .admin
        case .viewAnalytics: actor.role == .admin || actor.role == .supervisor
        case .viewAgentHistory: actor.role == .admin || actor.role == .supervisor
        }
    }

    public static func authorize(_ actor: Actor, _ action: OrganizationAction) throws(DomainError) {
        guard allows(actor, action) else {
            throw .forbidden(reason: "a \(actor.role.rawValue) may not \(action.rawValue)")
        }
    }

    /// Internal notes and internal fields are hidden from customers.
    public static func seesInternal(_ actor: Actor) -> Bool { actor.role.isStaff }
}
