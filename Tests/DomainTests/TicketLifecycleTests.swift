import Domain
import Foundation
import Memory
import Testing

/// A ticket's life through the use cases, with the audit trail and events each step leaves.
struct TicketLifecycleTests {
    @Test func customerOpensAgentTakesAnswersAndResolvesCustomerRates() async throws {
        let w = try await World.make()
        let opened = try await w.openTicket()
        #expect(opened.number == TicketNumber(1))
        #expect(opened.status == .open && opened.version == 1 && opened.assigneeID == nil)
        #expect(opened.contact.email?.value == "c1@acme.test")

        let taken = try await w.tickets.take(opened.id, actor: w.agent1)
        #expect(taken.status == .assigned && taken.assigneeID == w.agent1.userID && taken.version == 2)

        w.clock.advance(by: 90)
        _ = try await w.messages.post(opened.id, body: "Unplug it.", internal: false, actor: w.agent1)
        let afterReply = try await w.tickets.ticket(opened.id, actor: w.agent1)
        #expect(afterReply.firstResponseAt == w.clock.now())

        _ = try await w.tickets.changeStatus(opened.id, to: .waitingCustomer, note: nil, actor: w.agent1)
        _ = try await w.messages.post(opened.id, body: "Done, thanks", internal: false, actor: w.customer)
        #expect(try await w.tickets.ticket(opened.id, actor: w.agent1).status == .inProgress, "a customer reply resumes work")

        let resolved = try await w.tickets.resolve(opened.id, kind: .solved, summary: "Unplugged", notes: nil, actor: w.agent1)
        #expect(resolved.status == .resolved && resolved.resolution?.resolvedBy == w.agent1.userID)

        let rated = try await w.tickets.rate(opened.id, RatingInput(rating: 5, feedback: "Quick!", nps: 9), actor: w.customer)
        #expect(rated.rating?.rating == 5)
        let profile = try await w.storage.agentProfile(userID: w.agent1.userID, in: w.org.id)
        #expect(profile?.statistics.ratingCount == 1 && profile?.statistics.ratingSum == 5, "rating feeds the resolver's statistics")

        #expect(try await w.history(opened) == [
            .created, .assigned, .statusChanged, .messageAdded, .statusChanged, .messageAdded, .statusChanged,
            .statusChanged, .resolved, .rated,
        ])
        try await w.relayEvents()
        let kinds = w.transport.published.map(\.kind)
        #expect(kinds.contains(.ticketCreated) && kinds.contains(.ticketAssigned) && kinds.contains(.messageCreated))
    }

    @Test func ticketNumbersAreSequentialPerOrganization() async throws {
        let w = try await World.make()
        let numbers = try await [w.openTicket(), w.openTicket(), w.openTicket()].map(\.number.value)
        #expect(numbers == [1, 2, 3])
        let elsewhere = try await w.tickets.create(NewTicket(subject: "Hi", description: "There"), actor: w.outsider)
        #expect(elsewhere.number.value == 1)
        #expect(elsewhere.number.formatted(prefix: "TKT") == "TKT-000001")
    }

    @Test func illegalTransitionsAreRefusedAndWriteNothing() async throws {
        let w = try await World.make()
        let t = try await w.openTicket()
        _ = try await w.tickets.take(t.id, actor: w.agent1)
        _ = try await w.tickets.resolve(t.id, kind: .solved, summary: "ok", notes: nil, actor: w.agent1)
        let before = try await w.history(t)
        await #expect(throws: DomainError.illegalTransition(from: .resolved, to: .waitingCustomer)) {
            try await w.tickets.changeStatus(t.id, to: .waitingCustomer, note: nil, actor: w.agent1)
        }
        #expect(try await w.history(t) == before)
        #expect(try await w.tickets.ticket(t.id, actor: w.agent1).status == .resolved)
    }

    @Test func dedicatedStatusesNeedTheirOwnAction() async throws {
        let w = try await World.make()
        let t = try await w.openTicket()
        await #expect(throws: DomainError.invalid("status", "use the resolve action to set resolved")) {
            try await w.tickets.changeStatus(t.id, to: .resolved, note: nil, actor: w.admin)
        }
    }

    @Test func staleVersionIsRefused() async throws {
        let w = try await World.make()
        let t = try await w.openTicket()
        _ = try await w.tickets.changePriority(t.id, to: .high, actor: w.admin, expectedVersion: 1)
        await #expect(throws: DomainError.staleVersion(current: 2)) {
            try await w.tickets.changePriority(t.id, to: .low, actor: w.admin, expectedVersion: 1)
        }
        #expect(try await w.tickets.ticket(t.id, actor: w.admin).priority == .high)
    }

    @Test func onlyOneOfTwoConcurrentTakesWins() async throws {
        let w = try await World.make()
        let t = try await w.openTicket()
        async let first = try? w.tickets.take(t.id, actor: w.agent1)
        async let second = try? w.tickets.take(t.id, actor: w.agent2)
        let results = await [first, second]
        #expect(results.compactMap { $0 }.count == 1, "exactly one take succeeds")
        let final = try await w.tickets.ticket(t.id, actor: w.admin)
        #expect(try await w.history(t).filter { $0 == .assigned }.count == 1)
        #expect(final.assigneeID == w.agent1.userID || final.assigneeID == w.agent2.userID)
    }

    @Test func escalationToADepartmentRaisesLevelAndTierAndReturnsToQueue() async throws {
        let w = try await World.make()
        let t = try await w.openTicket()
        _ = try await w.tickets.take(t.id, actor: w.agent1)
        let escalated = try await w.tickets.escalate(t.id, toAgent: nil, toDepartment: w.billing.id, reason: "needs billing", actor: w.agent1)
        #expect(escalated.status == .escalated && escalated.escalationLevel == 1 && escalated.tier == 2)
        #expect(escalated.assigneeID == nil && escalated.departmentID == w.billing.id, "the previous assignee's load is released")
        let again = try await w.tickets.escalate(t.id, toAgent: w.billingAgent.userID, toDepartment: nil, reason: "take it", actor: w.admin)
        #expect(again.escalationLevel == 2 && again.assigneeID == w.billingAgent.userID)
        await #expect(throws: DomainError.invalid("reason", "is required")) {
            try await w.tickets.escalate(t.id, toAgent: w.agent2.userID, toDepartment: nil, reason: nil, actor: w.admin)
        }
    }

    @Test func customerReopensWithinTheWindowOnly() async throws {
        let w = try await World.make()
        let t = try await w.openTicket()
        _ = try await w.tickets.take(t.id, actor: w.agent1)
        _ = try await w.tickets.resolve(t.id, kind: .workaround, summary: "restart", notes: nil, actor: w.agent1)
        w.clock.advance(by: 3600)
        let reopened = try await w.tickets.reopen(t.id, reason: "broke again", actor: w.customer)
        #expect(reopened.status == .reopened && reopened.reopenCount == 1 && reopened.resolution == nil)

        _ = try await w.tickets.resolve(t.id, kind: .solved, summary: "fixed", notes: nil, actor: w.agent1)
        _ = try await w.tickets.close(t.id, actor: w.agent1)
        w.clock.advance(by: Double(w.org.settings.reopenWindowSeconds) + 1)
        await #expect(throws: DomainError.forbidden(reason: "the reopen window of 14 days has passed")) {
            try await w.tickets.reopen(t.id, reason: "again", actor: w.customer)
        }
        #expect(try await w.tickets.reopen(t.id, reason: "staff may", actor: w.agent1).status == .reopened)
    }

    @Test func capacityIsRespected() async throws {
        let w = try await World.make()
        _ = try await w.agents.update(w.agent1.userID, .init(maxConcurrentTickets: 1), actor: w.admin)
        let a = try await w.openTicket("one")
        let b = try await w.openTicket("two")
        _ = try await w.tickets.take(a.id, actor: w.agent1)
        await #expect(throws: DomainError.conflict(reason: "the agent is at capacity (1 active tickets)")) {
            try await w.tickets.take(b.id, actor: w.agent1)
        }
    }
}
