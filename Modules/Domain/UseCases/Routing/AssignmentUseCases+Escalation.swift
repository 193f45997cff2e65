extension AssignmentUseCases {
    /// The hook the SLA engine calls to escalate a ticket automatically (§5, §6): raises the escalation level, moves
    /// the ticket to `department` (or keeps its own department when `nil`) at a higher tier, releases the
    /// assignee's load (the ticket returns to the queue, where auto-assignment finds a higher-tier agent), and
    /// records it in the history as done by the system, with events and notifications like a manual escalation.
    /// `invalid` when neither `department` nor the ticket names a department.
    public func escalateAutomatically(
        _ id: TicketID, in organization: OrganizationID, toDepartment department: DepartmentID? = nil, reason: String
    ) async throws(DomainError) -> Ticket {
        let actor = Actor.system(in: organization)
        let tickets = TicketUseCases(deps)
        let current = try await tickets.ticket(id, actor: actor)
        guard let target = department ?? current.departmentID else {
            throw .invalid("toDepartmentId", "the ticket has no department to escalate within; name one")
        }
        return try await tickets.escalate(id, toAgent: nil, toDepartment: target, reason: reason, actor: actor)
    }
}
