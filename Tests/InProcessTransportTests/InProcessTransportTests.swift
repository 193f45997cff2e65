import Domain
import Foundation
import InProcessTransport
import Testing

/// What the contract does not cover: ending every subscription at shutdown.
@Suite(.timeLimit(.minutes(1))) struct InProcessTransportTests {
    static func event(_ index: Int) -> DomainEvent {
        DomainEvent(
            kind: .ticketUpdated, organizationID: OrganizationID(UUIDv7.make(milliseconds: 1, sequence: 0, random: 1)),
            data: ["index": String(index)], at: Date(millisecondsSince1970: 1_767_225_600_000))
    }

    @Test func `finishAllSubscriptions ends every stream after what it buffered, and later subscriptions work`() async throws {
        let transport = InProcessTransport(.init(subscriberBufferSize: 8, retainedEventCount: 8))
        let first = await transport.subscribe()
        let second = await transport.subscribe()
        let published = await transport.publish([Self.event(0), Self.event(1)])
        await transport.finishAllSubscriptions()
        #expect(await transport.subscriberCount == 0, "subscriberCount after finishAllSubscriptions()")

        // Both streams are finished, so reading them to the end cannot wait.
        var firstReceived: [PublishedEvent] = []
        for await event in first { firstReceived.append(event) }
        var secondReceived: [PublishedEvent] = []
        for await event in second { secondReceived.append(event) }
        #expect(firstReceived == published, "first stream after finishAllSubscriptions()")
        #expect(secondReceived == published, "second stream after finishAllSubscriptions()")

        let later = await transport.subscribe()
        let next = await transport.publish([Self.event(2)])
        var iterator = later.makeAsyncIterator()
        #expect(await iterator.next() == next.first, "a subscription made after finishAllSubscriptions()")
    }

    @Test func `a transport that goes away ends its subscribers' streams`() async throws {
        var transport: InProcessTransport? = InProcessTransport()
        let stream = await transport!.subscribe()
        let published = await transport!.publish([Self.event(0)])
        transport = nil
        var received: [PublishedEvent] = []
        for await event in stream { received.append(event) }
        #expect(received == published, "stream of a released transport")
    }
}
