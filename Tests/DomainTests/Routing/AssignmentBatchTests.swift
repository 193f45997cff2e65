import Domain
import Foundation
import Memory
import Testing

/// Auto-assignment commits several decisions per unit of work, and falls back to one decision per unit when a
/// batched unit loses a race: the invariants of §5 hold either way, and each assignment keeps its own records.
struct AssignmentBatchTests {
    private func ready(_ w: World, _ agents: [Actor], capacity: Int = 5) async throws {
        for agent in agents {
            _ = try await w.agents.update(agent.userID, .init(maxConcurrentTickets: capacity), actor: w.admin)
            _ = try await w.agents.setAvailability(.available, actor: agent)
        }
    }

    private func assignments(_ w: World, _ ticket: Ticket) async throws -> Int {
        try await w.storage.auditEvents(ticket: ticket.id, in: w.org.id).count { $0.kind == .assigned }
    }

    @Test func oneUnitCommitsSeveralDecisionsEachWithItsHistoryEventsNotificationAndSLARecord() async throws {
        let w = try await World.make()
        try await ready(w, [w.agent1, w.agent2])
        var tickets: [Ticket] = []
        for index in 0..<6 {
            tickets.append(try await w.openTicket("t\(index)"))
            w.clock.advance(by: 1)
        }
        let slaBefore = try await tickets.asyncMap { try await w.storage.ticketSLA(ticket: $0.id, in: w.org.id)?.version }

        let report = try await AssignmentUseCases(w.deps).assignQueued(in: w.org.id)
        #expect(report.assigned.count == 6 && report.skipped == 0 && report.fallbacks == 0 && !report.yielded, "\(report)")
        let cursors = try await w.storage.routingCursors(in: w.org.id)
        #expect(cursors.map(\.version) == [1], "six decisions of one pool in one unit move its cursor once: \(cursors)")
        #expect(try await w.storage.activeTicketCounts(in: w.org.id) == [w.agent1.userID: 3, w.agent2.userID: 3], "round robin alternates within the unit")
        for (ticket, before) in zip(tickets, slaBefore) {
            #expect(try await w.history(ticket) == [.created, .assigned, .statusChanged], "history of \(ticket.subject)")
            let record = try await w.storage.ticketSLA(ticket: ticket.id, in: w.org.id)
            #expect(record?.version == before.map { $0 + 1 }, "the SLA record of \(ticket.subject) changes with its assignment")
        }
        try await w.relayEvents()
        #expect(w.transport.published.count { $0.kind == .ticketAssigned } == 6, "one ticket.assigned per decision")
        #expect(w.transport.published.count { $0.kind == .queueUpdated } >= 6, "queue.updated with every decision")
        let jobs = try await w.storage.jobs(kind: Outbox.jobKind, state: .pending, limit: 100)
        #expect(jobs.count >= 6, "each assigned agent is notified through the outbox")
    }

    @Test func aTicketTakenAfterThePlanFailsTheBatchAndTheOtherDecisionsCommitOneByOne() async throws {
        let w = try await World.make()
        try await ready(w, [w.agent1, w.agent2])
        let tickets = try await (0..<4).asyncMap { index in
            defer { w.clock.advance(by: 1) }
            return try await w.openTicket("t\(index)")
        }
        // The hook runs after the pass read the queue: the take lands between the plan and the batched commit.
        let hook: AssignmentUseCases.SLADueTimes = { _, _ in
            _ = try await w.tickets.take(tickets[0].id, actor: w.agent2)
            return [:]
        }
        let report = try await AssignmentUseCases(w.deps, slaDueTimes: hook).assignQueued(in: w.org.id)
        #expect(report.fallbacks == 1, "the batched unit failed on the taken ticket's version: \(report)")
        #expect(report.skipped == 1 && report.assigned.count == 3, "the taken ticket is skipped, the others assigned: \(report)")
        #expect(!report.assigned.contains(where: { $0.ticketID == tickets[0].id }), "the taken ticket is not in the report")
        for ticket in tickets {
            #expect(try await assignments(w, ticket) == 1, "\(ticket.subject) is assigned exactly once")
        }
        let loads = try await w.storage.activeTicketCounts(in: w.org.id)
        #expect(loads.values.reduce(0, +) == 4 && loads.values.allSatisfy { $0 <= 5 }, "\(loads)")
    }

    @Test func anAgentWhoWentOfflineAfterThePlanFailsTheBatchAndReceivesNothing() async throws {
        let w = try await World.make()
        try await ready(w, [w.agent1, w.agent2])
        for index in 0..<4 {
            _ = try await w.openTicket("t\(index)")
            w.clock.advance(by: 1)
        }
        let hook: AssignmentUseCases.SLADueTimes = { _, _ in
            _ = try await w.agents.setAvailability(.offline, actor: w.agent2)
            return [:]
        }
        let report = try await AssignmentUseCases(w.deps, slaDueTimes: hook).assignQueued(in: w.org.id)
        #expect(report.fallbacks == 1, "the batched unit failed on agent 2's guard: \(report)")
        #expect(report.assigned.allSatisfy { $0.agentID == w.agent1.userID } && report.assigned.count == 2, "\(report)")
        #expect(report.skipped == 2, "agent 2's decisions are dropped one by one: \(report)")
        #expect(try await w.storage.activeTicketCounts(in: w.org.id) == [w.agent1.userID: 2])
    }

    @Test func anAgentFilledByManualTakesAfterThePlanNeverExceedsCapacity() async throws {
        let w = try await World.make()
        try await ready(w, [w.agent1], capacity: 3)
        let tickets = try await (0..<5).asyncMap { index in
            defer { w.clock.advance(by: 1) }
            return try await w.openTicket("t\(index)")
        }
        // The plan gives agent 1 three tickets; two later tickets are taken by hand meanwhile, leaving one slot.
        let hook: AssignmentUseCases.SLADueTimes = { _, _ in
            for ticket in tickets.suffix(2) { _ = try await w.tickets.take(ticket.id, actor: w.agent1) }
            return [:]
        }
        let report = try await AssignmentUseCases(w.deps, slaDueTimes: hook).assignQueued(in: w.org.id)
        #expect(report.fallbacks == 1, "the batched unit failed on agent 1's capacity guard: \(report)")
        #expect(report.assigned.count == 1 && report.skipped == 2, "\(report)")
        #expect(try await w.storage.activeTicketCounts(in: w.org.id) == [w.agent1.userID: 3], "never above capacity 3")
    }

    @Test func oneDecisionPerUnitMovesTheCursorWithEachDecision() async throws {
        let w = try await World.make()
        try await ready(w, [w.agent1, w.agent2])
        for index in 0..<4 {
            _ = try await w.openTicket("t\(index)")
            w.clock.advance(by: 1)
        }
        let report = try await AssignmentUseCases(w.deps).assignQueued(in: w.org.id, decisionsPerUnit: 1)
        #expect(report.assigned.count == 4 && report.fallbacks == 0, "\(report)")
        #expect(try await w.storage.routingCursors(in: w.org.id).map(\.version) == [4], "four units, four cursor steps")
        #expect(try await w.storage.activeTicketCounts(in: w.org.id) == [w.agent1.userID: 2, w.agent2.userID: 2])
    }

    @Test func unitsOfTwoShareAPassAndKeepTheRotation() async throws {
        let w = try await World.make()
        try await ready(w, [w.agent1, w.agent2])
        for index in 0..<5 {
            _ = try await w.openTicket("t\(index)")
            w.clock.advance(by: 1)
        }
        let report = try await AssignmentUseCases(w.deps).assignQueued(in: w.org.id, decisionsPerUnit: 2)
        #expect(report.assigned.count == 5 && report.fallbacks == 0, "\(report)")
        // Units of 2, 2 and 1 decisions: three cursor steps.
        #expect(try await w.storage.routingCursors(in: w.org.id).map(\.version) == [3])
        let order = report.assigned.map(\.agentID)
        #expect(zip(order, order.dropFirst()).allSatisfy { $0 != $1 }, "agents alternate across units: \(order)")
    }
}

extension Sequence {
    fileprivate func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
