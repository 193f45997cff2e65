/// Everything one can do to an existing ticket; the permission policy rules on each.
public enum TicketAction: String, Sendable, CaseIterable {
    case view
    case viewHistory
    case viewInternalNotes
    case reply
    case addInternalNote
    case updateFields
    case take
    case assign
    case changeStatus
    case changePriority
    case escalate
    case resolve
    case close
    case reopen
    case rate
    case merge
}

/// Organization-wide actions that do not concern one ticket.
public enum OrganizationAction: String, Sendable, CaseIterable {
    case createTicket
    case listAgents
    case manageAgents
    case manageDepartments
    case manageUsers
    case setOwnAvailability
    case viewQueue
    // MARK: SLA engine
    case manageSLA
    case viewAnalytics
    // MARK: routing policy
    /// Read an agent's availability history (supervisors and admins).
    case viewAgentHistory
}
