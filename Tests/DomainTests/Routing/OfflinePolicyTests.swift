import Domain
import Foundation
import Memory
import Testing

/// What happens to an agent's open tickets when they go offline or away (per department), and the history of
/// availability changes.
struct OfflinePolicyTests {
    private func ticket(_ w: World, _ ticket: Ticket) async throws -> Ticket {
        try #require(try await w.storage.ticket(id: ticket.id, in: w.org.id), "ticket(\(ticket.id))")
    }

    @Test func byDefaultTicketsStayWithAnAgentWhoGoesOffline() async throws {
        let w = try await World.make()
        #expect(w.support.offlinePolicy == .keepAssigned, "a new department keeps tickets assigned")
        _ = try await w.agents.setAvailability(.available, actor: w.agent1)
        let taken = try await w.openTicket()
        _ = try await w.tickets.take(taken.id, actor: w.agent1)
        w.clock.advance(by: 1)

        _ = try await w.agents.setAvailability(.offline, actor: w.agent1)
        let after = try await ticket(w, taken)
        #expect(after.assigneeID == w.agent1.userID && after.status == .assigned, "keepAssigned leaves the ticket alone")
        let history = try await w.storage.availabilityChanges(agent: w.agent1.userID, in: w.org.id, limit: 10)
        #expect(history.map(\.after) == [.offline, .available], "newest first: \(history)")
        #expect(history[0].before == .available && history[0].returnedTicketIDs.isEmpty && history[0].actorID == w.agent1.userID)
    }

    @Test func returnToQueueUnassignsWorkingTicketsOfThatDepartmentInOneUnit() async throws {
        let w = try await World.make()
        _ = try await DepartmentUseCases(w.deps).update(w.support.id, .init(offlinePolicy: .returnToQueue), actor: w.admin)
        _ = try await w.agents.update(w.agent1.userID, .init(departmentIDs: [w.support.id, w.billing.id], maxConcurrentTickets: 10), actor: w.admin)
        _ = try await w.agents.setAvailability(.available, actor: w.agent1)
        let assigned = try await w.openTicket("assigned")
        _ = try await w.tickets.take(assigned.id, actor: w.agent1)
        let working = try await w.openTicket("working")
        _ = try await w.tickets.take(working.id, actor: w.agent1)
        _ = try await w.tickets.changeStatus(working.id, to: .inProgress, note: nil, actor: w.agent1)
        let waiting = try await w.openTicket("waiting")
        _ = try await w.tickets.take(waiting.id, actor: w.agent1)
        _ = try await w.tickets.changeStatus(waiting.id, to: .waitingCustomer, note: nil, actor: w.agent1)
        let billing = try await w.tickets.create(
            NewTicket(subject: "Invoice", description: "Wrong", priority: .medium, departmentID: w.billing.id), actor: w.customer)
        _ = try await w.tickets.assign(billing.id, to: w.agent1.userID, actor: w.admin)
        try await w.relayEvents()
        let publishedBefore = w.transport.published.count
        w.clock.advance(by: 60)

        let profile = try await w.agents.setAvailability(.away, actor: w.agent1)
        #expect(profile.availability == .away)

        for returned in [assigned, working] {
            let now = try await ticket(w, returned)
            #expect(now.assigneeID == nil && now.status == .open, "setAvailability(.away) returns \(returned.subject) to the queue: \(now.status)")
            #expect(Array(try await w.history(returned).suffix(2)) == [.statusChanged, .unassigned], "history of \(returned.subject)")
            let sla = try #require(try await w.storage.ticketSLA(ticket: returned.id, in: w.org.id))
            #expect(sla.assigneeID == nil && sla.timeline.statusChanges.last?.value == .open, "the SLA record changes with the ticket")
        }
        #expect(try await ticket(w, waiting).assigneeID == w.agent1.userID, "a ticket waiting on the customer stays with the agent")
        #expect(try await ticket(w, billing).assigneeID == w.agent1.userID, "Billing keeps tickets assigned")
        #expect(try await w.storage.activeTicketCounts(in: w.org.id)[w.agent1.userID] == 2, "the agent's load is released")

        let history = try await w.storage.availabilityChanges(agent: w.agent1.userID, in: w.org.id, limit: 1)
        #expect(history.first?.returnedTicketIDs == [assigned.id, working.id], "the history names the returned tickets in number order")
        try await w.relayEvents()
        let events = w.transport.published.dropFirst(publishedBefore)
        #expect(events.count { $0.kind == .ticketUpdated && $0.agentID == w.agent1.userID } == 2, "the agent's channel hears each ticket leave")
        #expect(events.count { $0.kind == .queueUpdated } == 2)
        let status = try #require(events.first { $0.kind == .agentStatusChanged })
        #expect(status.data["status"] == "away" && status.data["returnedTickets"] == "2")

        // The queue now serves the returned tickets to someone else.
        _ = try await w.agents.setAvailability(.available, actor: w.agent2)
        let report = try await AssignmentUseCases(w.deps).assignQueued(in: w.org.id)
        #expect(Set(report.assigned.map(\.ticketID)) == [assigned.id, working.id] && report.assigned.allSatisfy { $0.agentID == w.agent2.userID })
    }

    @Test func anUnchangedStatusWritesNoHistoryAndGoingOfflineTwiceReturnsNothingMore() async throws {
        let w = try await World.make()
        _ = try await DepartmentUseCases(w.deps).update(w.support.id, .init(offlinePolicy: .returnToQueue), actor: w.admin)
        _ = try await w.agents.setAvailability(.offline, actor: w.agent1) // the profile starts offline
        #expect(try await w.storage.availabilityChanges(agent: w.agent1.userID, in: w.org.id, limit: 10).isEmpty)
        _ = try await w.agents.setAvailability(.available, actor: w.agent1)
        let taken = try await w.openTicket()
        _ = try await w.tickets.take(taken.id, actor: w.agent1)
        w.clock.advance(by: 1)
        _ = try await w.agents.setAvailability(.away, actor: w.agent1)
        w.clock.advance(by: 1)
        _ = try await w.agents.setAvailability(.offline, actor: w.agent1)
        let history = try await w.storage.availabilityChanges(agent: w.agent1.userID, in: w.org.id, limit: 10)
        #expect(history.map(\.returnedTicketIDs) == [[], [taken.id], []], "offline after away finds nothing left: \(history)")
    }

    @Test func supervisorsAndAdminsReadTheHistory() async throws {
        let w = try await World.make()
        _ = try await w.agents.setAvailability(.available, actor: w.agent1)
        w.clock.advance(by: 5)
        _ = try await w.agents.setAvailability(.busy, actor: w.agent1)
        let read = try await w.agents.availabilityHistory(w.agent1.userID, actor: w.supervisor)
        #expect(read.map(\.after) == [.busy, .available])
        #expect(try await w.agents.availabilityHistory(w.agent1.userID, actor: w.admin, limit: 1).count == 1)
        await #expect(throws: DomainError.self, "agents may not read others' history") {
            try await w.agents.availabilityHistory(w.agent1.userID, actor: w.agent2)
        }
        await #expect(throws: DomainError.self, "an unknown agent is not found") {
            try await w.agents.availabilityHistory(w.customer.userID, actor: w.admin)
        }
        await #expect(throws: DomainError.self, "another organization's admin sees nothing") {
            try await w.agents.availabilityHistory(w.agent1.userID, actor: w.outsider)
        }
    }
}
