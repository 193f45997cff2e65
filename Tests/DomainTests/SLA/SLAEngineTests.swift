import Domain
import Foundation
import Memory
import Testing

/// The SLA engine wired to the use cases: records kept with every ticket change, the sweep reporting each
/// crossing once (also with concurrent sweeps), escalation per policy, configuration and compliance.
struct SLAEngineTests {
    private func record(_ w: World, _ ticket: Ticket) async throws -> TicketSLA {
        try #require(try await w.storage.ticketSLA(ticket: ticket.id, in: w.org.id), "ticketSLA(\(ticket.id))")
    }

    private func minutes(_ n: Double) -> TimeInterval { n * 60 }

    /// The fields a validation error names; empty when `body` succeeds or fails otherwise.
    private static func violatedFields(_ body: () async throws -> Void) async -> [String] {
        do {
            try await body()
            return []
        } catch {
            guard case .validation(let violations)? = error as? DomainError else { return [] }
            return violations.map(\.field)
        }
    }

    @Test func creationStoresDueTimesAndTheNextCheck() async throws {
        let w = try await World.make()
        let start = w.clock.now()
        let ticket = try await w.openTicket(priority: .medium)
        let sla = try await record(w, ticket)
        #expect(sla.firstResponseDueAt == start.addingTimeInterval(minutes(60)), "medium: first response in 1 h (§6)")
        #expect(sla.resolutionDueAt == start.addingTimeInterval(minutes(8 * 60)), "medium: resolution in 8 h (§6)")
        #expect(sla.nextCheckAt == start.addingTimeInterval(minutes(30)), "the first-response warning at 50 % is next")
        #expect(sla.policyID == nil && sla.version == 1 && sla.departmentID == w.support.id)
    }

    @Test func priorityChangeRecomputesFromTheTicketStart() async throws {
        let w = try await World.make()
        let start = w.clock.now()
        let ticket = try await w.openTicket(priority: .low)
        w.clock.advance(by: minutes(10))
        _ = try await w.tickets.changePriority(ticket.id, to: .urgent, actor: w.supervisor)
        let sla = try await record(w, ticket)
        #expect(sla.firstResponseDueAt == start.addingTimeInterval(minutes(15)), "urgent: 15 min from creation, not from the change")
        #expect(sla.resolutionDueAt == start.addingTimeInterval(minutes(120)))
        #expect(sla.version == 2)
        let status = try await SLAStatusUseCases(w.deps).status(for: try await w.tickets.ticket(ticket.id, actor: w.agent1))
        #expect(status.firstResponse.remainingSeconds == 5 * 60 && status.firstResponse.level == .warning, "5 of 15 minutes left: 33 %")
    }

    @Test func onlyAPublicAgentReplyIsTheFirstResponse() async throws {
        let w = try await World.make()
        let ticket = try await w.openTicket()
        _ = try await w.tickets.take(ticket.id, actor: w.agent1)
        w.clock.advance(by: minutes(5))
        _ = try await w.messages.post(ticket.id, body: "Looking into it", internal: true, actor: w.agent1)
        #expect(try await record(w, ticket).timeline.firstResponseAt == nil, "an internal note is no response")
        w.clock.advance(by: minutes(5))
        _ = try await w.messages.post(ticket.id, body: "Unplug it.", internal: false, actor: w.agent1)
        let sla = try await record(w, ticket)
        #expect(sla.timeline.firstResponseAt == w.clock.now())
        let status = try await SLAStatusUseCases(w.deps).status(for: try await w.tickets.ticket(ticket.id, actor: w.agent1))
        #expect(status.firstResponse.level == .met && status.firstResponse.metAt == w.clock.now())
    }

    @Test func waitingOnTheCustomerPausesResolution() async throws {
        let w = try await World.make()
        let start = w.clock.now()
        let ticket = try await w.openTicket(priority: .urgent)
        _ = try await w.tickets.take(ticket.id, actor: w.agent1)
        _ = try await w.messages.post(ticket.id, body: "Which model?", internal: false, actor: w.agent1)
        w.clock.advance(by: minutes(30))
        _ = try await w.tickets.changeStatus(ticket.id, to: .waitingCustomer, note: nil, actor: w.agent1)
        var sla = try await record(w, ticket)
        #expect(sla.resolutionDueAt == nil && sla.nextCheckAt == nil, "paused with time left: no due time, nothing to check")
        w.clock.advance(by: minutes(60))
        _ = try await w.messages.post(ticket.id, body: "The X200", internal: false, actor: w.customer)
        sla = try await record(w, ticket)
        #expect(sla.resolutionDueAt == start.addingTimeInterval(minutes(180)), "2 h of running time plus the hour paused")
        let status = try await SLAStatusUseCases(w.deps).status(for: try await w.tickets.ticket(ticket.id, actor: w.agent1))
        #expect(status.resolution.pausedSeconds == 3_600 && status.resolution.level == .ok)
    }

    @Test func sweepReportsWarningAndBreachOnceEach() async throws {
        let w = try await World.make()
        let ticket = try await w.openTicket(priority: .medium)
        _ = try await w.tickets.take(ticket.id, actor: w.agent1)
        let sweep = SLASweepUseCases(w.deps)

        w.clock.advance(by: minutes(29))
        #expect(try await sweep.sweep().reported.isEmpty, "nothing before 50 %")
        w.clock.advance(by: minutes(1))
        let warned = try await sweep.sweep()
        #expect(warned.reported[ticket.id]?.map(\.kind) == [.warning])
        #expect(warned.reported[ticket.id]?.first?.metric == .firstResponse)
        #expect(try await sweep.sweep().reported.isEmpty, "a warning is reported once")

        w.clock.advance(by: minutes(31))
        let breached = try await sweep.sweep()
        #expect(breached.reported[ticket.id]?.map(\.kind) == [.breached])
        #expect(try await sweep.sweep().reported.isEmpty, "a breach is reported once")
        w.clock.advance(by: minutes(60))
        #expect(try await sweep.sweep().reported.isEmpty, "later sweeps stay quiet until the resolution clock's warning")

        #expect(try await w.history(ticket).filter { $0 == .slaWarning || $0 == .slaBreached } == [.slaWarning, .slaBreached])
        try await w.relayEvents()
        let kinds = w.transport.published.map(\.kind)
        #expect(kinds.filter { $0 == .slaWarning }.count == 1 && kinds.filter { $0 == .slaBreached }.count == 1)
        let jobs = try await w.storage.jobs(kind: Outbox.jobKind, state: .pending, limit: 100).map { try Outbox.request(in: $0) }
        let slaMail = jobs.filter { $0.kind == .slaWarning || $0.kind == .slaBreached }
        #expect(Set(slaMail.compactMap(\.recipient.userID)) == [w.agent1.userID, w.supervisor.userID], "assignee and the department's supervisor")
        #expect(slaMail.count == 4, "one warning and one breach to each")
        let status = try await SLAStatusUseCases(w.deps).status(for: try await w.tickets.ticket(ticket.id, actor: w.agent1))
        #expect(status.firstResponse.level == .breached)
    }

    @Test func concurrentSweepsReportEachCrossingOnce() async throws {
        let w = try await World.make()
        var opened: [Ticket] = []
        for index in 0..<12 { opened.append(try await w.openTicket("Ticket \(index)", priority: .high)) }
        // Two workers: separate use-case instances over one store, as two processes over one database.
        let first = SLASweepUseCases(w.deps)
        let second = SLASweepUseCases(w.deps)
        var reports: [SLASweepUseCases.Report] = []
        for _ in 0..<4 {
            w.clock.advance(by: minutes(10)) // crosses 15 min (warning) and 30 min (breach) of `high`
            async let a = first.sweep(limit: 5)
            async let b = second.sweep(limit: 5)
            reports += [try await a, try await b]
            while true { // drain what is still due, still two at a time
                async let c = first.sweep(limit: 5)
                async let d = second.sweep(limit: 5)
                let (x, y) = (try await c, try await d)
                reports += [x, y]
                if x.examined == 0 && y.examined == 0 { break }
            }
        }
        for ticket in opened {
            let crossings = reports.compactMap { $0.reported[ticket.id] }.flatMap { $0 }.filter { $0.metric == .firstResponse }
            #expect(crossings.map(\.kind) == [.warning, .breached], "ticket \(ticket.subject): each first-response crossing once")
            let audit = try await w.history(ticket).filter { $0 == .slaWarning || $0 == .slaBreached }
            #expect(audit == [.slaWarning, .slaBreached], "ticket \(ticket.subject): one audit event per crossing")
        }
    }

    @Test func breachEscalatesPerPolicyOnce() async throws {
        let w = try await World.make()
        let config = SLAConfigurationUseCases(w.deps)
        _ = try await config.replacePolicies([
            .init(name: "Escalating", escalation: SLAEscalation(toDepartmentID: w.billing.id)),
        ], actor: w.admin)
        let ticket = try await w.openTicket(priority: .urgent)
        _ = try await w.tickets.take(ticket.id, actor: w.agent1)
        let sweep = SLASweepUseCases(w.deps)
        w.clock.advance(by: minutes(16))
        let report = try await sweep.sweep()
        #expect(report.reported[ticket.id]?.map(\.kind) == [.warning, .breached], "a late sweep reports both, warning first")
        #expect(report.escalated == [ticket.id], "\(report.problems)")
        let escalated = try await w.tickets.ticket(ticket.id, actor: w.admin)
        #expect(escalated.status == .escalated && escalated.escalationLevel == 1 && escalated.departmentID == w.billing.id)
        #expect(escalated.assigneeID == nil, "the previous assignee's load is released")
        #expect(try await sweep.sweep().escalated.isEmpty, "no second escalation for the same breach")
        let sla = try await record(w, ticket)
        #expect(sla.departmentID == w.billing.id && sla.reported.count == 2)
    }

    @Test func policiesWithBusinessHoursApplyToNewTickets() async throws {
        let w = try await World.make() // 2026-01-01 is a Thursday, 00:00 UTC
        let config = SLAConfigurationUseCases(w.deps)
        let hours = try await config.replaceBusinessHours([.init(name: "Office", definition: .officeHours(timeZone: "UTC"))], actor: w.admin)
        let policies = try await config.replacePolicies([
            .init(name: "Support office", conditions: SLAConditions(departmentIDs: [w.support.id]), businessHoursID: hours[0].id),
            .init(name: "Everyone"),
        ], actor: w.admin)
        #expect(try await config.policies(actor: w.agent1) == policies)
        #expect(try await config.businessHours(actor: w.supervisor) == hours)

        let ticket = try await w.openTicket(priority: .medium)
        let sla = try await record(w, ticket)
        #expect(sla.policyID == policies[0].id, "the department policy is the most specific")
        #expect(sla.firstResponseDueAt == w.clock.now().addingTimeInterval(minutes(10 * 60)), "1 h of office time: Thursday 10:00")
    }

    @Test func configurationIsValidatedAndAdminOnly() async throws {
        let w = try await World.make()
        let config = SLAConfigurationUseCases(w.deps)
        await #expect(throws: DomainError.self) { try await config.replacePolicies([.init(name: "x")], actor: w.supervisor) }
        await #expect(throws: DomainError.self) { try await config.policies(actor: w.customer) }
        let ghost = await Self.violatedFields {
            _ = try await config.replacePolicies([.init(name: "Ghost hours", businessHoursID: BusinessHoursID(UUID()))], actor: w.admin)
        }
        #expect(ghost == ["policies[0].businessHoursId"], "replacePolicies with unknown business hours")
        let mars = await Self.violatedFields {
            _ = try await config.replaceBusinessHours([.init(name: "Bad", definition: .officeHours(timeZone: "Mars/Olympus"))], actor: w.admin)
        }
        #expect(mars == ["businessHours[0].timeZone"], "replaceBusinessHours with an unknown time zone")
        let hours = try await config.replaceBusinessHours([.init(name: "Office", definition: .officeHours(timeZone: "Europe/Berlin"))], actor: w.admin)
        _ = try await config.replacePolicies([.init(name: "Office", businessHoursID: hours[0].id)], actor: w.admin)
        await #expect(throws: DomainError.self, "a calendar in use cannot be removed") { try await config.replaceBusinessHours([], actor: w.admin) }
    }

    @Test func complianceCountsMetAndBreachedPerAgentAndDepartment() async throws {
        let w = try await World.make()
        let from = w.clock.now()
        let quick = try await w.openTicket("Quick", priority: .medium)
        let slow = try await w.openTicket("Slow", priority: .medium)
        _ = try await w.tickets.take(quick.id, actor: w.agent1)
        _ = try await w.tickets.take(slow.id, actor: w.agent2)
        w.clock.advance(by: minutes(10))
        _ = try await w.messages.post(quick.id, body: "Hi", internal: false, actor: w.agent1)
        w.clock.advance(by: minutes(90))
        _ = try await w.messages.post(slow.id, body: "Sorry", internal: false, actor: w.agent2)
        let compliance = SLAComplianceUseCases(w.deps)
        let report = try await compliance.report(from: from, to: w.clock.now(), actor: w.supervisor)
        #expect(report.overall.tickets == 2 && report.overall.firstResponse == .init(met: 1, breached: 1))
        #expect(report.overall.firstResponse.compliance == 0.5 && report.overall.resolution.open == 2)
        #expect(report.byAgent[w.agent1.userID]?.firstResponse == .init(met: 1))
        #expect(report.byAgent[w.agent2.userID]?.firstResponse == .init(breached: 1))
        #expect(report.byDepartment[w.support.id]?.tickets == 2)
        let onlyAgent2 = try await compliance.report(from: from, to: w.clock.now(), agentID: w.agent2.userID, actor: w.admin)
        #expect(onlyAgent2.overall.tickets == 1)
        await #expect(throws: DomainError.self) { try await compliance.report(from: from, to: w.clock.now(), actor: w.agent1) }
    }
}
