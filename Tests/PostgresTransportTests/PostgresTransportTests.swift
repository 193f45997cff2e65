import Domain
import Foundation
import PostgresTransport
import Testing
import TestSupport

/// What the contract does not cover: events too large for a NOTIFY payload travel by reference.
@Suite(.postgresServer, .timeLimit(.minutes(1))) struct PostgresTransportTests {
    static func event(_ index: Int, text: String) -> DomainEvent {
        DomainEvent(
            kind: .messageCreated, organizationID: OrganizationID(UUIDv7.make(milliseconds: 1, sequence: 0, random: 1)),
            data: ["index": String(index), "text": text], at: Date(millisecondsSince1970: 1_767_225_600_000 + Int64(index)))
    }

    @Test func `events over NOTIFY's 8000-byte limit reach another instance's subscribers in order, between small ones`() async throws {
        let subject = PostgresTransportSubject()
        let transport = try await subject.makeTransport()
        do {
            let peer = try await subject.makePeer(of: transport)
            let stream = await peer.subscribe()
            let large = String(repeating: "ü", count: 6_000) // 12,000 bytes of UTF-8
            let events = [Self.event(0, text: "small"), Self.event(1, text: large), Self.event(2, text: "small again")]
            var published: [PublishedEvent] = []
            for event in events { published += try await transport.publish([event]) }
            published += try await transport.publish([Self.event(3, text: large), Self.event(4, text: "in one batch with a large one")])
            var received: [PublishedEvent] = []
            for await event in stream {
                received.append(event)
                if received.count == published.count { break }
            }
            #expect(received == published, "the peer's subscriber receives all 5 events, the large ones by reference, in publish order")
        } catch {
            try? await subject.tearDown(transport)
            throw error
        }
        try await subject.tearDown(transport)
    }
}
