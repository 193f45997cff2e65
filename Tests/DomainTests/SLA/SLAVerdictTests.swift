import Domain
import Foundation
import Memory
import Testing

/// A stopped SLA clock keeps its verdict (issue 8): once first response or resolution was met or breached, a later
/// policy change does not flip it, neither in the ticket's `sla` block nor in compliance figures.
struct SLAVerdictTests {
    private func minutes(_ n: Double) -> TimeInterval { n * 60 }

    private func targets(firstResponseMinutes: Int, resolutionMinutes: Int) -> SLATargets {
        var targets = SLATargets.defaults
        targets.urgent = SLATarget(firstResponseSeconds: firstResponseMinutes * 60, resolutionSeconds: resolutionMinutes * 60)
        return targets
    }

    /// An urgent ticket under the policy "Standard" (15 min / 2 h), answered after `respondAfter` minutes and resolved
    /// `resolveAfter` minutes after creation; then "Standard" is replaced (same id) with `later` targets and the
    /// recompute job runs.
    private func stoppedThenPolicyChanged(respondAfter: Double, resolveAfter: Double, later: SLATargets) async throws -> (World, Ticket) {
        let w = try await World.make()
        let config = SLAConfigurationUseCases(w.deps)
        let standard = try await config.replacePolicies([.init(name: "Standard")], actor: w.admin)[0]
        let ticket = try await w.openTicket(priority: .urgent)
        _ = try await w.tickets.take(ticket.id, actor: w.agent1)
        w.clock.advance(by: minutes(respondAfter))
        _ = try await w.messages.post(ticket.id, body: "On it.", internal: false, actor: w.agent1)
        w.clock.advance(by: minutes(resolveAfter - respondAfter))
        _ = try await w.tickets.resolve(ticket.id, kind: .solved, summary: "Fixed", notes: nil, actor: w.agent1)
        w.clock.advance(by: minutes(5))

        _ = try await config.replacePolicies([.init(id: standard.id, name: "Standard", targets: later)], actor: w.admin)
        while try await SLARecomputeUseCases(w.deps).runJobs(holder: "worker").pages > 0 {}
        return (w, ticket)
    }

    private func status(_ w: World, _ ticket: Ticket) async throws -> SLAStatus {
        try await SLAStatusUseCases(w.deps).status(for: try await w.tickets.ticket(ticket.id, actor: w.agent1))
    }

    private func compliance(_ w: World, _ ticket: Ticket) async throws -> SLAComplianceUseCases.Row {
        try await SLAComplianceUseCases(w.deps).report(
            from: ticket.createdAt.addingTimeInterval(-1), to: w.clock.now(), actor: w.supervisor).overall
    }

    @Test func aPolicyShortenedAfterResolutionLeavesBothClocksMet() async throws {
        let (w, ticket) = try await stoppedThenPolicyChanged(
            respondAfter: 10, resolveAfter: 60, later: targets(firstResponseMinutes: 5, resolutionMinutes: 30))
        let sla = try await status(w, ticket)
        #expect(sla.firstResponse.level == .met && sla.firstResponse.targetSeconds == 15 * 60, "answered in 10 of 15 minutes: \(sla.firstResponse)")
        #expect(sla.resolution.level == .met && sla.resolution.dueAt == ticket.createdAt.addingTimeInterval(minutes(120)), "resolved in 1 of 2 hours: \(sla.resolution)")
        #expect(sla.firstResponse.breachedAt == nil && sla.resolution.breachedAt == nil)
        let row = try await compliance(w, ticket)
        #expect(row.firstResponse == .init(met: 1) && row.resolution == .init(met: 1), "compliance keeps the verdicts: \(row)")
        let record = try #require(try await w.storage.ticketSLA(ticket: ticket.id, in: w.org.id))
        #expect(record.verdicts.map(\.metric) == [.firstResponse, .resolution] && record.verdicts.allSatisfy { $0.level == .met })
    }

    @Test func aPolicyLengthenedAfterABreachLeavesBothClocksBreached() async throws {
        let (w, ticket) = try await stoppedThenPolicyChanged(
            respondAfter: 20, resolveAfter: 180, later: targets(firstResponseMinutes: 60, resolutionMinutes: 8 * 60))
        let sla = try await status(w, ticket)
        #expect(sla.firstResponse.level == .breached, "answered after 20 of 15 minutes: \(sla.firstResponse)")
        #expect(sla.firstResponse.breachedAt != nil && sla.firstResponse.dueAt == ticket.createdAt.addingTimeInterval(minutes(15)))
        #expect(sla.resolution.level == .breached, "resolved after 3 of 2 hours: \(sla.resolution)")
        let row = try await compliance(w, ticket)
        #expect(row.firstResponse == .init(breached: 1) && row.resolution == .init(breached: 1), "compliance keeps the verdicts: \(row)")
    }

    @Test func aReopenedTicketsResolutionClockRunsUnderThePolicyInForce() async throws {
        let (w, ticket) = try await stoppedThenPolicyChanged(
            respondAfter: 10, resolveAfter: 60, later: targets(firstResponseMinutes: 5, resolutionMinutes: 30))
        _ = try await w.tickets.reopen(ticket.id, reason: "Still broken", actor: w.customer)
        let sla = try await status(w, ticket)
        #expect(sla.firstResponse.level == .met, "the first response stays met")
        #expect(sla.resolution.stoppedAt == nil && sla.resolution.targetSeconds == 30 * 60, "running again, under the new target: \(sla.resolution)")
        let record = try #require(try await w.storage.ticketSLA(ticket: ticket.id, in: w.org.id))
        #expect(record.verdicts.map(\.metric) == [.firstResponse], "the resolution verdict is dropped while the clock runs")
    }
}
