import Domain
import Foundation
import Memory
import Synchronization
import Testing

/// Domain events travel through the committed outbox: recorded with the change, published by the relay.
@Suite struct EventOutboxTests {
    @Test func `use cases record events with their change; the transport sees them only once the relay ran, in order, once`() async throws {
        let w = try await World.make()
        let ticket = try await w.openTicket()
        _ = try await w.tickets.assign(ticket.id, to: w.agent1.userID, actor: w.supervisor)
        _ = try await w.messages.post(ticket.id, body: "Looking", internal: false, actor: w.agent1)
        _ = try await w.messages.post(ticket.id, body: "Customer seems upset", internal: true, actor: w.agent1)
        #expect(w.transport.published.isEmpty, "nothing reaches the transport before the relay publishes the outbox")

        try await w.relayEvents()
        let published = w.transport.published
        #expect(published.map(\.kind) == [.ticketCreated, .queueUpdated, .ticketAssigned, .queueUpdated, .messageCreated, .messageCreated],
                "the relay publishes every committed event in commit order, got \(published.map(\.kind.rawValue))")
        #expect(published.map(\.staffOnly) == [false, true, false, true, false, true], "the internal note's event is staff-only, the reply's is not")
        #expect(published.allSatisfy { $0.ticketID == ticket.id && $0.organizationID == w.org.id }, "every event names the ticket and its organization")

        try await w.relayEvents()
        #expect(w.transport.published.count == published.count, "a second relay pass publishes nothing again")
    }

    @Test func `a transport failure loses nothing: the same relay retries, another takes over once the lease expires`() async throws {
        let w = try await World.make()
        let failing = FailingTransport()
        let broken = Dependencies(storage: w.storage, clock: w.clock, ids: SequentialIDGenerator(clock: w.clock), transport: failing,
                                  passwordHasher: PlainPasswordHasher(), secrets: MemorySecretGenerator())
        _ = try await w.openTicket()
        await #expect(throws: DomainError.self, "relayPending when the transport refuses") {
            try await EventRelay(broken).relayPending(holder: "broken", limit: 100, leaseSeconds: 30)
        }
        #expect(try await EventRelay(w.deps).relayPending(holder: "healthy", limit: 100, leaseSeconds: 30) == 0,
                "another relay cannot take events while the failed relay's lease is valid")
        w.clock.advance(by: 31)
        #expect(try await EventRelay(w.deps).relayPending(holder: "healthy", limit: 100, leaseSeconds: 30) == 2,
                "once the lease expired, another relay publishes the 2 events the failed one held")
        #expect(w.transport.published.map(\.kind) == [.ticketCreated, .queueUpdated], "the events arrive in their original order")
    }

    @Test func `a commit that records events wakes the relay`() async throws {
        let w = try await World.make()
        var wakeUps = w.deps.relaySignal.wakeUps.makeAsyncIterator()
        _ = try await w.openTicket()
        let woken: Void? = await wakeUps.next()
        #expect(woken != nil, "the relay signal fires after ticket creation")
    }
}

/// A transport that refuses every publish, as an unreachable database would.
private struct FailingTransport: Transport {
    struct Refused: Error {}
    func publish(_ events: [DomainEvent]) async throws -> [PublishedEvent] { throw Refused() }
    func subscribe() async -> AsyncStream<PublishedEvent> { AsyncStream { $0.finish() } }
    func events(after sequence: Int64) async throws -> [PublishedEvent] { [] }
}
