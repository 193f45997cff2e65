import Foundation

extension AgentUseCases {
    /// Statuses of an assigned ticket that `OfflinePolicy.returnToQueue` sends back to the queue. Working states move
    /// to `open`; queue states (`escalated`, `reopened`) keep their status and only lose the assignee. Tickets
    /// waiting on the customer or on another team stay with the agent: they are in no queue, and the state machine
    /// has no move from them to `open`.
    static let returnableStatuses: Set<TicketStatus> = [.assigned, .inProgress, .escalated, .reopened]

    /// A staff member sets their own availability; everyone watching the agent channel is told.
    ///
    /// In one unit of work: the profile, an `AvailabilityChange` in the agent's history, and, when the agent goes
    /// `offline` or `away`, every returnable ticket of theirs in a department whose `offlinePolicy` is
    /// `returnToQueue` put back into the queue (assignee removed so the agent's load is released, `unassigned`
    /// audit events, `ticket.updated` and `queue.updated` events, SLA records kept current). A ticket changed
    /// concurrently fails the unit; it is then decided again on fresh state a few times.
    public func setAvailability(_ availability: Availability, actor: Actor) async throws(DomainError) -> AgentProfile {
        try AccessPolicy.authorize(actor, .setOwnAvailability)
        let org = actor.organizationID
        var attempt = 0
        while true {
            attempt += 1
            let current = try await deps.read { try await $0.agentProfile(userID: actor.userID, in: org) }
            guard let before = current else { throw .notFound(entity: "agent") }
            var profile = before
            profile.availability = availability
            profile.version += 1
            let now = deps.clock.now()
            profile.updatedAt = now
            var unit = UnitOfWork([.updateAgentProfile(profile, expectedVersion: before.version)])
            if before.availability != availability {
                var returned: [TicketID] = []
                if availability == .offline || availability == .away {
                    let (changes, ids) = try await returnTickets(of: actor, going: availability, at: now)
                    unit.append(contentsOf: changes)
                    returned = ids
                }
                unit.append(.appendAvailabilityChange(AvailabilityChange(
                    id: deps.ids.make(), organizationID: org, agentID: actor.userID, actorID: actor.recordedID,
                    before: before.availability, after: availability, returnedTicketIDs: returned, at: now
                )))
                var data = ["agentId": actor.userID.description, "status": availability.rawValue, "previous": before.availability.rawValue]
                if !returned.isEmpty { data["returnedTickets"] = String(returned.count) }
                unit.record([DomainEvent(
                    kind: .agentStatusChanged, organizationID: org, agentID: actor.userID, staffOnly: true, data: data, at: now
                )])
            }
            do {
                _ = try await deps.storage.commit(unit)
            } catch StorageError.versionConflict {
                if attempt < 3 { continue } // a ticket or the profile changed meanwhile: decide again on fresh state
                throw .conflict(reason: "the agent's tickets are being changed concurrently; retry")
            } catch {
                throw DomainError(storageFailure: error)
            }
            deps.eventsCommitted()
            return profile
        }
    }

    /// The writes that return the agent's returnable tickets of `returnToQueue` departments to the queue, and their ids.
    private func returnTickets(of actor: Actor, going availability: Availability, at now: Date) async throws(DomainError) -> ([UnitOfWork.Change], [TicketID]) {
        let org = actor.organizationID
        let departments = try await deps.read { try await $0.departments(in: org) }
        let returning = Set(departments.filter { $0.offlinePolicy == .returnToQueue }.map(\.id))
        guard !returning.isEmpty else { return ([], []) }
        let filter = TicketFilter(statuses: Self.returnableStatuses, assignee: .user(actor.userID), departmentIDs: returning)
        var query = TicketQuery(scope: .organization(org), filter: filter, sort: TicketSort(field: .number, descending: false),
                                limit: TicketQuery.maximumLimit)
        let tickets = TicketUseCases(deps)
        var changes: [UnitOfWork.Change] = []
        var ids: [TicketID] = []
        while true {
            let page = try await deps.read { [query] in try await $0.tickets(query) }
            for ticket in page.items {
                var m = TicketMutation(ticket: ticket, actor: actor, now: now, ids: deps.ids)
                let note = "returned to the queue: the assignee went \(availability.rawValue)"
                // Told while the agent is still the assignee, so their own channel hears it too.
                m.event(.ticketUpdated, staffOnly: false, data: ["previousAssigneeId": actor.userID.description])
                if m.ticket.status == .assigned || m.ticket.status == .inProgress { try m.move(to: .open, note: note) }
                try tickets.unassign(&m, note: note)
                changes.append(contentsOf: try await tickets.seal(&m, readVersion: ticket.version).changes)
                ids.append(ticket.id)
            }
            guard let next = page.nextCursor else { break }
            query.cursor = next
        }
        return (changes, ids)
    }

    /// The agent's availability changes, newest first (supervisors and admins).
    public func availabilityHistory(_ agentID: UserID, actor: Actor, limit: Int = 100) async throws(DomainError) -> [AvailabilityChange] {
        try AccessPolicy.authorize(actor, .viewAgentHistory)
        var v = Validator()
        v.range(limit, field: "limit", 1...TicketQuery.maximumLimit)
        try v.check()
        let org = actor.organizationID
        guard try await deps.read({ try await $0.agentProfile(userID: agentID, in: org) }) != nil else { throw .notFound(entity: "agent") }
        return try await deps.read { try await $0.availabilityChanges(agent: agentID, in: org, limit: limit) }
    }
}
