@testable import Bootstrap
import Domain
import Foundation
import Logging
import Memory
import Synchronization
import Testing

/// Tickets returned to the queue because their agent went offline or away (a `returnToQueue` department) wake
/// auto-assignment at once, like new tickets do, instead of waiting for the next interval (issue 8).
struct AssignmentServiceNudgeTests {
    @Test func ticketsReturnedByAnAgentGoingAwayAreAssignedWithoutWaitingForTheInterval() async throws {
        let clock = ManualClock()
        let transport = BroadcastTransport()
        let deps = Dependencies(
            storage: MemoryStorage(), clock: clock, ids: SequentialIDGenerator(clock: clock), transport: transport,
            passwordHasher: PlainHasher(), secrets: MemorySecretGenerator()
        )
        let org = try await OrganizationUseCases(deps).create(slug: "acme", name: "Acme")
        let support = try await DepartmentUseCases(deps).provision(.init(name: "Support", tier: 1), in: org.id)
        let users = UserUseCases(deps)
        func person(_ email: String, _ role: Role) async throws -> Actor {
            let user = try await users.provision(.init(email: email, name: email, password: "password1", role: role), in: org.id, departments: [support.id])
            return try await users.actor(for: user.id, in: org.id)
        }
        let admin = try await person("admin@acme.test", .admin)
        let leaving = try await person("leaving@acme.test", .agent)
        let staying = try await person("staying@acme.test", .agent)
        let customer = try await person("customer@acme.test", .customer)
        _ = try await DepartmentUseCases(deps).update(support.id, .init(offlinePolicy: .returnToQueue), actor: admin)
        let agents = AgentUseCases(deps)
        let tickets = TicketUseCases(deps)
        func open(_ subject: String) async throws -> Ticket {
            try await tickets.create(NewTicket(subject: subject, description: "Help", priority: .high, departmentID: support.id), actor: customer)
        }
        _ = try await agents.setAvailability(.available, actor: leaving)
        let returned = try await open("Returned")
        _ = try await tickets.take(returned.id, actor: leaving)
        _ = try await agents.setAvailability(.busy, actor: leaving) // not routed to: the queued ticket goes to the other agent
        _ = try await agents.setAvailability(.available, actor: staying)
        let queued = try await open("Queued")
        // Setup events are published before the service listens: they must not be what wakes it later.
        let relay = EventRelay(deps)
        while try await relay.relayPending(holder: "test-relay", limit: 100) > 0 {}

        // An hour between passes: only a nudge can make the second assignment happen within the test's deadline.
        let service = AssignmentService(dependencies: deps, logger: Logger(label: "test.assignment"), interval: .seconds(3600))
        let running = Task { try await service.run() }
        defer { running.cancel() }
        func assignee(of ticket: Ticket) async throws -> UserID? {
            try await deps.storage.ticket(id: ticket.id, in: org.id)?.assigneeID
        }
        func waitForAssignee(of ticket: Ticket) async throws -> UserID? {
            let deadline = ContinuousClock.now + .seconds(20)
            while ContinuousClock.now < deadline {
                if let id = try await assignee(of: ticket) { return id }
                try await Task.sleep(for: .milliseconds(20))
            }
            return nil
        }
        // The first pass (at start) assigns the queued ticket: from then on the service waits out its interval.
        #expect(try await waitForAssignee(of: queued) == staying.userID, "the first pass assigns the queued ticket")

        _ = try await agents.setAvailability(.away, actor: leaving)
        #expect(try await assignee(of: returned) == nil, "setAvailability(.away) returned the ticket to the queue")
        while try await relay.relayPending(holder: "test-relay", limit: 100) > 0 {}
        let statusChange = try #require(transport.published.last { $0.kind == .agentStatusChanged })
        #expect(statusChange.data["returnedTickets"] == "1" && AssignmentService.nudges(statusChange), "the status change carries the return: \(statusChange.data)")

        #expect(try await waitForAssignee(of: returned) == staying.userID, "the nudge assigns the returned ticket to the agent still available")
    }

    @Test func whileTicketsWaitUnassignedOnlyAnAgentGainingRoomWakesThePass() {
        var backlog = AssignmentService.Report()
        backlog.assigned = 3
        backlog.waiting = 2
        #expect(AssignmentService.wakeReasons(after: backlog) == [.agentFreed], "a new ticket joins the waiting queue")
        #expect(AssignmentService.wakeReasons(after: AssignmentService.Report()) == [.ticketCreated, .agentFreed],
                "with nothing left waiting, a new ticket is assigned at once")
    }

    @Test func aNudgeForAnotherReasonDoesNotEndTheWait() async throws {
        let nudged = Nudge()
        nudged.set(.ticketCreated)
        let start = ContinuousClock.now
        try await AssignmentService.wait(upTo: .milliseconds(300), orUntil: nudged, for: [.agentFreed])
        #expect(ContinuousClock.now - start >= .milliseconds(300), "a new ticket does not wake a pass that found every agent full")
        #expect(nudged.consume().isEmpty, "the creation was consumed: the pass after the interval sees the ticket")

        nudged.set(.agentFreed)
        // An hour: only the nudge can end this wait within the test's time.
        try await AssignmentService.wait(upTo: .seconds(3600), orUntil: nudged, for: [.agentFreed])
        nudged.set(.ticketCreated)
        try await AssignmentService.wait(upTo: .seconds(3600), orUntil: nudged, for: [.ticketCreated, .agentFreed])
    }

    @Test func onlyAvailabilityChangesThatFreeWorkOrCapacityNudge() {
        let org: OrganizationID = OrganizationID(UUID())
        func status(_ data: [String: String]) -> DomainEvent {
            DomainEvent(kind: .agentStatusChanged, organizationID: org, staffOnly: true, data: data, at: Date(timeIntervalSince1970: 0))
        }
        #expect(AssignmentService.nudges(status(["status": "available", "previous": "offline"])))
        #expect(AssignmentService.nudges(status(["status": "offline", "previous": "available", "returnedTickets": "2"])))
        #expect(!AssignmentService.nudges(status(["status": "away", "previous": "available"])), "going away with nothing returned frees nothing")
        #expect(!AssignmentService.nudges(status(["status": "busy", "previous": "available"])))
    }
}

/// Delivers published events to every current subscriber, and remembers them.
private final class BroadcastTransport: Transport {
    private let state = Mutex<(events: [DomainEvent], subscribers: [AsyncStream<PublishedEvent>.Continuation])>(([], []))

    var published: [DomainEvent] { state.withLock { $0.events } }

    func publish(_ events: [DomainEvent]) async throws -> [PublishedEvent] {
        state.withLock { state in
            let first = state.events.count
            state.events.append(contentsOf: events)
            let published = events.enumerated().map { PublishedEvent(sequence: Int64(first + $0.offset + 1), event: $0.element) }
            for subscriber in state.subscribers { for event in published { subscriber.yield(event) } }
            return published
        }
    }

    func subscribe() async -> AsyncStream<PublishedEvent> {
        let (stream, continuation) = AsyncStream<PublishedEvent>.makeStream()
        state.withLock { $0.subscribers.append(continuation) }
        return stream
    }

    func events(after sequence: Int64) async throws -> [PublishedEvent] {
        state.withLock { state in
            state.events.enumerated().filter { Int64($0.offset + 1) > sequence }.map { PublishedEvent(sequence: Int64($0.offset + 1), event: $0.element) }
        }
    }
}

/// A reversible stand-in for bcrypt.
private struct PlainHasher: PasswordHasher {
    func hash(_ password: String) async throws -> String { "plain:" + String(password.reversed()) }
    func verify(_ password: String, against hash: String) async throws -> Bool { hash == "plain:" + String(password.reversed()) }
}
