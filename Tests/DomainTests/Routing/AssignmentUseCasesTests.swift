import Domain
import Foundation
import Memory
import Testing

/// Auto-assignment applied to storage: passes, persisted cursors, the capacity guard under concurrency, and the
/// SLA escalation hook.
struct AssignmentUseCasesTests {
    private func ready(_ w: World, _ agents: [Actor], capacity: Int = 5) async throws {
        for agent in agents {
            _ = try await w.agents.update(agent.userID, .init(maxConcurrentTickets: capacity), actor: w.admin)
            _ = try await w.agents.setAvailability(.available, actor: agent)
        }
    }

    @Test func aPassAssignsWaitingTicketsWithHistoryEventsAndNotifications() async throws {
        let w = try await World.make()
        try await ready(w, [w.agent1, w.agent2])
        let first = try await w.openTicket("first")
        w.clock.advance(by: 1)
        let second = try await w.openTicket("second")

        let report = try await AssignmentUseCases(w.deps).assignQueued(in: w.org.id)
        #expect(report.assigned.count == 2 && report.skipped == 0 && report.waiting == 0 && !report.yielded)
        let assignees = try await [first, second].asyncMap { try await w.storage.ticket(id: $0.id, in: w.org.id)?.assigneeID }
        #expect(Set(assignees.compactMap { $0 }) == [w.agent1.userID, w.agent2.userID], "round robin gives one ticket to each agent")

        let events = try await w.storage.auditEvents(ticket: first.id, in: w.org.id)
        #expect(events.map(\.kind) == [.created, .assigned, .statusChanged])
        #expect(events.dropFirst().allSatisfy { $0.actorID == nil }, "the system's decisions carry no actor")
        try await w.relayEvents()
        let kinds = w.transport.published.map(\.kind)
        #expect(kinds.count { $0 == .ticketAssigned } == 2 && kinds.contains(.queueUpdated))
        let jobs = try await w.storage.jobs(kind: Outbox.jobKind, state: .pending, limit: 100)
        #expect(jobs.count >= 2, "the assigned agents are notified through the outbox, in the assignment's unit")
        #expect(try await w.storage.routingCursors(in: w.org.id).map(\.departmentID) == [w.support.id], "the pool's cursor is stored")
    }

    @Test func theCursorKeepsTheRotationFairAcrossPassesAndInstances() async throws {
        let w = try await World.make()
        try await ready(w, [w.agent1, w.agent2])
        var order: [UserID] = []
        for index in 0..<6 {
            let ticket = try await w.openTicket("t\(index)")
            // A fresh instance each time, as after a restart or in another worker: only the stored cursor carries over.
            let report = try await AssignmentUseCases(w.deps).assignQueued(in: w.org.id)
            #expect(report.assigned.map(\.ticketID) == [ticket.id])
            order += report.assigned.map(\.agentID)
            _ = try await w.tickets.resolve(ticket.id, kind: .solved, summary: "done", notes: nil, actor: w.admin)
        }
        let (a, b) = (order[0], order[1])
        #expect(a != b && order == [a, b, a, b, a, b], "agents alternate: \(order)")
    }

    @Test func onlyAvailableAgentsBelowCapacityReceiveWork() async throws {
        let w = try await World.make()
        try await ready(w, [w.agent1, w.agent2], capacity: 1)
        _ = try await w.agents.setAvailability(.away, actor: w.agent2)
        let tickets = try await (0..<3).asyncMap { try await w.openTicket("t\($0)") }
        let report = try await AssignmentUseCases(w.deps).assignQueued(in: w.org.id)
        #expect(report.assigned.map(\.agentID) == [w.agent1.userID], "agent 2 is away, agent 1 takes one ticket up to capacity")
        #expect(report.waiting == 2)
        #expect(try await w.storage.activeTicketCounts(in: w.org.id) == [w.agent1.userID: 1])
        _ = tickets
    }

    @Test func anAgentWhoWentOfflineAfterThePlanReceivesNothing() async throws {
        let w = try await World.make()
        try await ready(w, [w.agent1])
        _ = try await w.openTicket()
        // The SLA hook runs after the agents' snapshot, in which agent 1 is available: the change to offline lands
        // between the plan and its commit, and the guard re-checks at commit.
        let slaHook: AssignmentUseCases.SLADueTimes = { _, _ in
            _ = try await w.agents.setAvailability(.offline, actor: w.agent1)
            return [:]
        }
        let report = try await AssignmentUseCases(w.deps, slaDueTimes: slaHook).assignQueued(in: w.org.id)
        #expect(report.assigned.isEmpty, "agent 1 went offline before the decision committed")
        #expect(try await w.storage.activeTicketCounts(in: w.org.id).isEmpty)
    }

    @Test func slaDueTimesOrderTheQueueWithinAPriority() async throws {
        let w = try await World.make()
        try await ready(w, [w.agent1], capacity: 1)
        let older = try await w.openTicket("older")
        w.clock.advance(by: 60)
        let dueSooner = try await w.openTicket("due sooner")
        let due = w.clock.now().addingTimeInterval(600)
        let report = try await AssignmentUseCases(w.deps, slaDueTimes: { _, _ in [dueSooner.id: due] }).assignQueued(in: w.org.id)
        #expect(report.assigned.map(\.ticketID) == [dueSooner.id], "an SLA due time comes before age within a priority")
        _ = older
    }

    /// Property: passes in several "workers" and manual takes race over one store; whatever the interleaving, no
    /// ticket has two assignments in its history and no agent ends above capacity.
    @Test(arguments: 0..<5) func concurrentPassesAndTakesNeverDoubleAssignOrOverfill(seed: UInt64) async throws {
        let w = try await World.make()
        var random = SeededRandom(seed: seed + 700)
        let capacity = 1 + Int(random.next() % 3)
        try await ready(w, [w.agent1, w.agent2], capacity: capacity)
        let tickets = try await (0..<12).asyncMap { index in
            try await w.openTicket("t\(index)", priority: Priority.allCases[Int(random.next() % 4)])
        }
        let takers = [w.agent1, w.agent2]
        let takes = (0..<8).map { _ in (tickets[Int(random.next() % 12)].id, takers[Int(random.next() % 2)]) }
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<3 { group.addTask { _ = try? await AssignmentUseCases(w.deps).assignQueued(in: w.org.id) } }
            for (ticket, agent) in takes { group.addTask { _ = try? await w.tickets.take(ticket, actor: agent) } }
        }
        // One more pass after the race: every slot a lost race left free is used now.
        _ = try await AssignmentUseCases(w.deps).assignQueued(in: w.org.id)
        let loads = try await w.storage.activeTicketCounts(in: w.org.id)
        #expect(loads.values.allSatisfy { $0 <= capacity }, "no agent above capacity \(capacity): \(loads)")
        #expect(loads.values.reduce(0, +) == min(12, 2 * capacity), "every free slot is used after a final pass")
        for ticket in tickets {
            let assigned = try await w.storage.auditEvents(ticket: ticket.id, in: w.org.id).count { $0.kind == .assigned }
            #expect(assigned <= 1, "ticket \(ticket.id) was assigned \(assigned) times")
        }
    }

    @Test func theSLAHookEscalatesReleasingTheAssigneesLoad() async throws {
        let w = try await World.make()
        try await ready(w, [w.agent1])
        let ticket = try await w.openTicket()
        _ = try await w.tickets.take(ticket.id, actor: w.agent1)
        let escalated = try await AssignmentUseCases(w.deps).escalateAutomatically(
            ticket.id, in: w.org.id, toDepartment: w.billing.id, reason: "first response SLA breached")
        #expect(escalated.escalationLevel == 1 && escalated.status == .escalated && escalated.assigneeID == nil)
        #expect(escalated.departmentID == w.billing.id && escalated.tier == 2)
        #expect(escalated.escalations.last?.escalatedBy == nil, "recorded as done by the system")
        #expect(try await w.storage.activeTicketCounts(in: w.org.id)[w.agent1.userID] == nil, "agent 1's load is released")
        let history = try await w.storage.auditEvents(ticket: ticket.id, in: w.org.id)
        #expect(history.contains { $0.kind == .escalated && $0.actorID == nil })
        try await w.relayEvents()
        #expect(w.transport.published.contains { $0.kind == .ticketEscalated })
        let again = try await AssignmentUseCases(w.deps).escalateAutomatically(ticket.id, in: w.org.id, reason: "resolution SLA breached")
        #expect(again.escalationLevel == 2 && again.departmentID == w.billing.id && again.tier == 3, "multi-level, within its department")
    }
}

extension Sequence {
    fileprivate func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
