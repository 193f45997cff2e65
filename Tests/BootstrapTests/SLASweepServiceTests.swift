import Bootstrap
import Domain
import Foundation
import Logging
import Memory
import Synchronization
import Testing

/// The SLA worker service with the manual clock: tickets cross warning and breach, two workers sweep one
/// store at the same time, each crossing is reported once, and a breach escalates per policy.
struct SLASweepServiceTests {
    @Test func twoWorkersReportEachCrossingOnceAndEscalateOnBreach() async throws {
        let clock = ManualClock()
        let storage = MemoryStorage()
        let transport = CountingTransport()
        let deps = Dependencies(
            storage: storage, clock: clock, ids: SequentialIDGenerator(clock: clock), transport: transport,
            passwordHasher: ReversingHasher(), secrets: MemorySecretGenerator()
        )
        let org = try await OrganizationUseCases(deps).create(slug: "acme", name: "Acme")
        let departments = DepartmentUseCases(deps)
        let support = try await departments.provision(.init(name: "Support", tier: 1), in: org.id)
        let experts = try await departments.provision(.init(name: "Experts", tier: 2), in: org.id)
        let users = UserUseCases(deps)
        func person(_ email: String, _ role: Role) async throws -> Actor {
            let user = try await users.provision(.init(email: email, name: email, password: "password1", role: role), in: org.id, departments: [support.id])
            return try await users.actor(for: user.id, in: org.id)
        }
        let agent = try await person("agent@acme.test", .agent)
        let lead = try await person("lead@acme.test", .supervisor)
        let customer = try await person("customer@acme.test", .customer)
        try await SLAConfigurationUseCases(deps).provisionPolicies(
            [.init(name: "Urgent escalates", conditions: SLAConditions(departmentIDs: [support.id]), escalation: SLAEscalation(toDepartmentID: experts.id))],
            in: org.id
        )
        let tickets = TicketUseCases(deps)
        var opened: [Ticket] = []
        for index in 0..<5 { // the agent's capacity
            let ticket = try await tickets.create(
                NewTicket(subject: "Ticket \(index)", description: "Help", priority: .urgent, departmentID: support.id), actor: customer
            )
            _ = try await tickets.assign(ticket.id, to: agent.userID, actor: lead)
            opened.append(ticket)
        }

        // Two workers over one store, as two processes over one database; small batches so they overlap.
        let logger = Logger(label: "test.sla")
        let first = SLASweepService(dependencies: deps, logger: logger, interval: .seconds(1), batchSize: 2)
        let second = SLASweepService(dependencies: deps, logger: logger, interval: .seconds(1), batchSize: 2)
        func sweepBoth() async -> [SLASweepUseCases.Report] {
            async let a = first.runPass()
            async let b = second.runPass()
            return await [a, b]
        }

        clock.advance(by: 7 * 60)
        let early = await sweepBoth()
        #expect(early.allSatisfy { $0.reported.isEmpty }, "nothing before half of 15 minutes")

        clock.advance(by: 60) // 8 min: past 7.5 min, the first-response warning
        let warned = await sweepBoth()
        clock.advance(by: 60)
        let quiet = await sweepBoth()
        #expect(quiet.allSatisfy { $0.reported.isEmpty }, "a reported warning is not reported again")

        clock.advance(by: 7 * 60) // 16 min: past the 15-minute due time
        let breached = await sweepBoth()
        let again = await sweepBoth()

        let reports = warned + quiet + breached + again
        for ticket in opened {
            let crossings = reports.compactMap { $0.reported[ticket.id] }.flatMap { $0 }
            #expect(crossings.map(\.kind) == [.warning, .breached], "\(ticket.subject): each crossing reported once, got \(crossings)")
            #expect(crossings.allSatisfy { $0.metric == .firstResponse })
            let history = try await storage.auditEvents(ticket: ticket.id, in: org.id).map(\.kind)
            #expect(history.filter { $0 == .slaWarning }.count == 1 && history.filter { $0 == .slaBreached }.count == 1, "\(ticket.subject): \(history)")
            #expect(history.filter { $0 == .escalated }.count == 1, "\(ticket.subject): escalated once")
            let now = try #require(try await storage.ticket(id: ticket.id, in: org.id))
            #expect(now.status == .escalated && now.departmentID == experts.id && now.escalationLevel == 1, "\(ticket.subject) escalated per policy")
        }
        #expect(reports.flatMap(\.escalated).count == opened.count, "one escalation per breached ticket")
        // Events travel through the committed outbox: publish them as the relay service does.
        while try await EventRelay(deps).relayPending(holder: "test-relay", limit: 100) > 0 {}
        #expect(transport.count(.slaWarning) == opened.count && transport.count(.slaBreached) == opened.count, "one event per crossing")
        let mail = try await storage.jobs(kind: Outbox.jobKind, state: .pending, limit: 1_000).map { try Outbox.request(in: $0) }
        #expect(mail.filter { $0.kind == .slaWarning }.count == 2 * opened.count, "warning to the assignee and the supervisor")
        #expect(mail.filter { $0.kind == .slaBreached }.count == 2 * opened.count, "breach to the assignee and the supervisor")
    }
}

/// Counts published events by kind.
private final class CountingTransport: Transport {
    private let log = Mutex<[DomainEvent]>([])

    func count(_ kind: DomainEvent.Kind) -> Int { log.withLock { $0.filter { $0.kind == kind }.count } }

    func publish(_ events: [DomainEvent]) async throws -> [PublishedEvent] {
        log.withLock { log in
            log.append(contentsOf: events)
            return events.enumerated().map { PublishedEvent(sequence: Int64(log.count - events.count + $0.offset + 1), event: $0.element) }
        }
    }

    func subscribe() async -> AsyncStream<PublishedEvent> { AsyncStream { $0.finish() } }

    func events(after sequence: Int64) async throws -> [PublishedEvent] { [] }
}

/// A reversible stand-in for bcrypt.
private struct ReversingHasher: PasswordHasher {
    func hash(_ password: String) async throws -> String { "plain:" + String(password.reversed()) }
    func verify(_ password: String, against hash: String) async throws -> Bool { hash == "plain:" + String(password.reversed()) }
}
