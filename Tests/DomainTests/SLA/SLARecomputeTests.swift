import Domain
import Foundation
import Memory
import Testing

/// Changing SLA policies or business hours recomputes open tickets' stored records (issue 8).
struct SLARecomputeTests {
    private func record(_ w: World, _ ticket: Ticket) async throws -> TicketSLA {
        try #require(try await w.storage.ticketSLA(ticket: ticket.id, in: w.org.id), "ticketSLA(\(ticket.id))")
    }

    private func minutes(_ n: Double) -> TimeInterval { n * 60 }

    /// Runs the `recompute_sla` jobs the configuration changes enqueued until none is left, as a worker does.
    @discardableResult
    private func runRecomputeJobs(_ w: World, holder: String = "worker", batchSize: Int = 200) async throws -> SLARecomputeUseCases.Report {
        var total = SLARecomputeUseCases.Report()
        while true {
            let report = try await SLARecomputeUseCases(w.deps).runJobs(holder: holder, batchSize: batchSize)
            guard report.pages > 0 else { return total }
            total.examined += report.examined
            total.updated += report.updated
            total.conflicts += report.conflicts
            total.pages += report.pages
            total.finished += report.finished
        }
    }

    private func targets(urgentFirstResponseMinutes: Int) -> SLATargets {
        var targets = SLATargets.defaults
        targets.urgent = SLATarget(firstResponseSeconds: urgentFirstResponseMinutes * 60, resolutionSeconds: 2 * 3_600)
        return targets
    }

    @Test func aShortenedPolicyMovesDueTimesAndTheSweepReportsOnTheNewSchedule() async throws {
        let w = try await World.make()
        let start = w.clock.now()
        let ticket = try await w.openTicket(priority: .urgent)
        #expect(try await record(w, ticket).firstResponseDueAt == start.addingTimeInterval(minutes(15)), "the §6 default")
        w.clock.advance(by: minutes(1))

        let policies = try await SLAConfigurationUseCases(w.deps).replacePolicies(
            [.init(name: "Fast", targets: targets(urgentFirstResponseMinutes: 5))], actor: w.admin)
        try await runRecomputeJobs(w)
        let sla = try await record(w, ticket)
        #expect(sla.policyID == policies[0].id, "the record names the new policy")
        #expect(sla.firstResponseDueAt == start.addingTimeInterval(minutes(5)), "due 5 minutes after creation now")
        #expect(sla.nextCheckAt == start.addingTimeInterval(minutes(2.5)), "the next check is the new warning (50 %)")
        #expect(sla.version == 2 && sla.reported.isEmpty)

        w.clock.advance(by: minutes(5)) // 6 minutes after creation: long before the old due time
        let report = try await SLASweepUseCases(w.deps).sweep()
        #expect(report.reported[ticket.id]?.map(\.kind) == [.warning, .breached], "the sweep reports the new breach: \(report)")
        #expect(try await w.history(ticket).contains(.slaBreached))
    }

    @Test func crossingsAlreadyRecordedStayRecordedAndAreNotReportedAgain() async throws {
        let w = try await World.make()
        let ticket = try await w.openTicket(priority: .urgent)
        w.clock.advance(by: minutes(8)) // past the 50 % warning of 15 minutes
        let first = try await SLASweepUseCases(w.deps).sweep()
        #expect(first.reported[ticket.id]?.map(\.kind) == [.warning])

        _ = try await SLAConfigurationUseCases(w.deps).replacePolicies(
            [.init(name: "Slow", targets: targets(urgentFirstResponseMinutes: 60))], actor: w.admin)
        try await runRecomputeJobs(w)
        let sla = try await record(w, ticket)
        #expect(sla.reported.map(\.kind) == [.warning], "the recorded warning stays recorded")
        #expect(sla.firstResponseDueAt == ticket.createdAt.addingTimeInterval(minutes(60)))
        w.clock.advance(by: minutes(30))
        #expect(try await SLASweepUseCases(w.deps).sweep().reported[ticket.id] == nil, "the 60-minute warning is not reported again")
    }

    @Test func businessHoursChangesRecomputeTooAndClosedTicketsAreLeftAlone() async throws {
        let w = try await World.make() // 2026-01-01 is a Thursday, 00:00 UTC
        let config = SLAConfigurationUseCases(w.deps)
        let hours = try await config.replaceBusinessHours([.init(name: "Office", definition: .officeHours(timeZone: "UTC"))], actor: w.admin)
        _ = try await config.replacePolicies([.init(name: "Office", businessHoursID: hours[0].id)], actor: w.admin)
        let open = try await w.openTicket(priority: .medium)
        let done = try await w.openTicket(priority: .medium)
        _ = try await w.tickets.resolve(done.id, kind: .solved, summary: "done", notes: nil, actor: w.admin)
        let doneBefore = try await record(w, done)
        #expect(try await record(w, open).firstResponseDueAt == open.createdAt.addingTimeInterval(minutes(10 * 60)), "09:00 + 1 h")

        // Office hours from 00:00: a replacement with the same id changes the calendar under the policy.
        var definition = BusinessCalendarDefinition.officeHours(timeZone: "UTC")
        definition.weeklySlots = (1...7).map { WeeklySlot(weekday: $0, startMinute: 0, endMinute: 1_440) }
        _ = try await config.replaceBusinessHours([.init(id: hours[0].id, name: "Office", definition: definition)], actor: w.admin)
        try await runRecomputeJobs(w)
        #expect(try await record(w, open).firstResponseDueAt == open.createdAt.addingTimeInterval(minutes(60)), "round the clock now")
        #expect(try await record(w, done) == doneBefore, "a resolved ticket's record is not touched")
    }

    @Test func theWalkIsBatchedAndCountsWhatItDid() async throws {
        let w = try await World.make()
        let tickets = try await (0..<5).asyncMap { try await w.openTicket("t\($0)", priority: .urgent) }
        _ = try await SLAConfigurationUseCases(w.deps).replacePolicies(
            [.init(name: "Fast", targets: targets(urgentFirstResponseMinutes: 5))], actor: w.admin)
        let job = try await runRecomputeJobs(w, batchSize: 2)
        #expect(job.pages == 3 && job.finished == 1 && job.examined == 5 && job.updated == 5, "one page per claim: \(job)")
        // Running it again (a second PUT with the same policies) finds nothing to change.
        let again = try await SLARecomputeUseCases(w.deps).recompute(in: w.org.id, batchSize: 2)
        #expect(again.examined == 5 && again.updated == 0 && again.conflicts == 0, "\(again)")
        for ticket in tickets {
            #expect(try await record(w, ticket).firstResponseDueAt == ticket.createdAt.addingTimeInterval(minutes(5)), "ticket \(ticket.subject)")
        }
    }
}

extension SLARecomputeTests {
    @Test func thePutOnlyEnqueuesTheRecomputeAndTheJobBringsEveryRecordUpToDate() async throws {
        let w = try await World.make()
        let ticket = try await w.openTicket(priority: .urgent)
        try await runRecomputeJobs(w) // whatever the world's setup enqueued
        let before = try await record(w, ticket)

        _ = try await SLAConfigurationUseCases(w.deps).replacePolicies(
            [.init(name: "Fast", targets: targets(urgentFirstResponseMinutes: 5))], actor: w.admin)
        #expect(try await record(w, ticket) == before, "replacePolicies does not walk the tickets itself")
        let pending = try await w.storage.jobs(kind: SLARecomputeUseCases.jobKind, state: .pending, limit: 10)
        #expect(pending.count == 1 && pending[0].organizationID == w.org.id, "one recompute job committed with the policies: \(pending)")
        let status = try await SLAStatusUseCases(w.deps).status(for: try #require(try await w.storage.ticket(id: ticket.id, in: w.org.id)))
        #expect(status.firstResponse.dueAt == ticket.createdAt.addingTimeInterval(minutes(5)), "the sla block follows the new policy at once")

        let report = try await runRecomputeJobs(w)
        #expect(report.finished == 1 && report.updated == 1, "\(report)")
        #expect(try await record(w, ticket).firstResponseDueAt == ticket.createdAt.addingTimeInterval(minutes(5)), "the stored record follows once the job ran")
        #expect(try await w.storage.jobs(kind: SLARecomputeUseCases.jobKind, state: .pending, limit: 10).isEmpty, "the job is done")
    }

    @Test func aWorkerThatDiesMidWalkLeavesNoRecordStale() async throws {
        let w = try await World.make()
        let tickets = try await (0..<5).asyncMap { try await w.openTicket("t\($0)", priority: .urgent) }
        try await runRecomputeJobs(w)
        _ = try await SLAConfigurationUseCases(w.deps).replacePolicies(
            [.init(name: "Fast", targets: targets(urgentFirstResponseMinutes: 5))], actor: w.admin)

        // The first worker runs one page (two tickets), then claims the continuation and dies holding it.
        let first = try await SLARecomputeUseCases(w.deps).runJobs(holder: "dying", limit: 1, batchSize: 2, leaseSeconds: 60)
        #expect(first.pages == 1 && first.updated == 2 && first.finished == 0, "\(first)")
        let held = try await w.storage.claimJobs(kind: SLARecomputeUseCases.jobKind, holder: "dying", now: w.clock.now(), leaseSeconds: 60, limit: 1)
        #expect(held.count == 1, "the continuation is claimable")

        // Another worker cannot take the page while the lease holds; once it expires it finishes the walk.
        #expect(try await runRecomputeJobs(w, holder: "second", batchSize: 2).pages == 0, "a held page is not claimed twice")
        w.clock.advance(by: 61)
        let rest = try await runRecomputeJobs(w, holder: "second", batchSize: 2)
        #expect(rest.finished == 1 && rest.updated == 3, "the remaining three records, each once: \(rest)")
        for ticket in tickets {
            #expect(try await record(w, ticket).firstResponseDueAt == ticket.createdAt.addingTimeInterval(minutes(5)), "ticket \(ticket.subject)")
        }
        #expect(try await w.storage.jobs(kind: SLARecomputeUseCases.jobKind, state: .pending, limit: 10).isEmpty)
        await #expect(throws: StorageError.self, "the dead worker's late completeJob is refused") {
            _ = try await w.storage.commit(UnitOfWork([.completeJob(held[0].id, holder: "dying")]))
        }
    }
}

extension Sequence {
    fileprivate func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
