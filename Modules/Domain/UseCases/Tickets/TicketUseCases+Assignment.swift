extension TicketUseCases {
    /// Statuses in which a ticket waits in the queue for someone to take it.
    static let queueStatuses: Set<TicketStatus> = [.open, .reopened, .escalated]

    /// An agent takes an unassigned ticket from the queue.
    public func take(_ id: TicketID, actor: Actor, expectedVersion: Int? = nil) async throws(DomainError) -> Ticket {
        try await mutate(id, actor: actor, action: .take, expectedVersion: expectedVersion) { (m: inout TicketMutation) async throws(DomainError) in
            guard m.ticket.assigneeID == nil else { throw .conflict(reason: "the ticket is already assigned") }
            try await assign(&m, to: actor.userID)
        }
    }

    /// Assigns (or reassigns) a ticket: supervisors and admins to any agent, agents only to themselves.
    public func assign(_ id: TicketID, to agentID: UserID, actor: Actor, expectedVersion: Int? = nil) async throws(DomainError) -> Ticket {
        let current = try await ticket(id, actor: actor)
        guard AccessPolicy.mayAssign(actor, current, to: agentID) else {
            throw .forbidden(reason: "a \(actor.role.rawValue) may not assign this ticket to that user")
        }
        return try await mutate(id, actor: actor, action: .view, expectedVersion: expectedVersion) { (m: inout TicketMutation) async throws(DomainError) in
            guard AccessPolicy.mayAssign(actor, m.ticket, to: agentID) else {
                throw .forbidden(reason: "a \(actor.role.rawValue) may not assign this ticket to that user")
            }
            try await assign(&m, to: agentID)
        }
    }

    /// Shared by take, assign and escalation: the assignee must be staff of the organization with an agent
    /// profile and below capacity; queue states move to `assigned`, work states are kept.
    ///
    /// - Parameter known: the agent's profile and active load as the caller already holds them (auto-assignment's
    ///   snapshot, kept current through its pass), which spares reading the profile and counting the
    ///   organization's active tickets for every decision. The capacity guard of the unit decides either way.
    /// - Parameter knownUser: the agent's user record as the caller already read it (a batched pass's snapshot).
    func assign(_ m: inout TicketMutation, to agentID: UserID, known: AgentSnapshot? = nil, knownUser: User? = nil) async throws(DomainError) {
        guard m.ticket.assigneeID != agentID else { return }
        let org = m.ticket.organizationID
        let user: User? = if let knownUser, knownUser.id == agentID, knownUser.organizationID == org {
            knownUser
        } else {
            try await deps.read { try await $0.user(id: agentID, in: org) }
        }
        guard let user, user.role.isStaff, user.isActive else { throw .invalid("agentId", "is not an active agent of this organization") }
        let agent: AgentSnapshot
        if let known, known.id == agentID, known.profile.organizationID == org {
            agent = known
        } else {
            let profile = try await deps.read { try await $0.agentProfile(userID: agentID, in: org) }
            guard let profile else { throw .invalid("agentId", "has no agent profile") }
            let load = try await deps.read { try await $0.activeTicketCount(of: agentID, in: org) }
            agent = AgentSnapshot(profile: profile, activeTickets: load)
        }
        guard agent.hasCapacity else {
            throw .conflict(reason: "the agent is at capacity (\(agent.profile.maxConcurrentTickets) active tickets)")
        }
        // The read above gives a clear error in the common case; this guard, checked by storage in the same
        // transaction, is what holds under concurrency (another take or an auto-assignment for the same agent).
        // The system only routes to agents who are still available when the unit commits.
        m.extraChanges.append(.guardAgentCapacity(agentID, organizationID: org, requireAvailable: m.actor.isSystem))
        let previous = m.ticket.assigneeID
        m.ticket.assigneeID = agentID
        m.ticket.participantIDs.insert(agentID)
        m.audit(.assigned, [FieldChange(field: "assigneeId", before: previous?.description, after: agentID.description)])
        if Self.queueStatuses.contains(m.ticket.status) || m.ticket.status == .assigned {
            try m.move(to: .assigned)
        }
        m.event(.ticketAssigned, data: ["assigneeId": agentID.description])
        m.notify(.ticketAssigned, .user(agentID))
        m.event(.queueUpdated, staffOnly: true)
    }

    /// Puts a ticket back into the queue (status `open`, no assignee).
    func unassign(_ m: inout TicketMutation, note: String?) throws(DomainError) {
        guard let previous = m.ticket.assigneeID else { return }
        m.ticket.assigneeID = nil
        m.audit(.unassigned, [FieldChange(field: "assigneeId", before: previous.description, after: nil)], note: note)
        m.event(.queueUpdated, staffOnly: true)
    }
}
