@testable import API
import Domain
import Foundation
import InProcessTransport
import Testing

/// The hub shares one transport subscription among the process's connections and keeps the transport's
/// rules per connection: every event from registration on, in order; a connection too far behind is ended
/// without holding up the others; when the shared stream ends, every connection on it is ended.
@Suite(.timeLimit(.minutes(1))) struct RealtimeHubTests {
    enum Heard: Equatable, Sendable {
        case event(Int64)
        case ended
    }

    /// A connection as the hub sees it: what it was handed, in order.
    struct Listener {
        let mailbox: RealtimeHub.Mailbox
        var heard: AsyncStream<Heard>.Iterator

        init(_ hub: RealtimeHub) async {
            let (stream, sink) = AsyncStream.makeStream(of: Heard.self)
            mailbox = await hub.register(deliver: { sink.yield(.event($0.sequence)) }, end: { sink.yield(.ended) })
            heard = stream.makeAsyncIterator()
        }

        /// The next `count` things heard; taking each event as a connection's loop would when `taking`.
        mutating func next(_ count: Int, taking: Bool = true) async -> [Heard] {
            var result: [Heard] = []
            while result.count < count, let next = await heard.next() {
                if case .event = next, taking { mailbox.taken() }
                result.append(next)
            }
            return result
        }
    }

    let organization = OrganizationID(UUID())

    func publish(_ transport: InProcessTransport, _ count: Int) async {
        await transport.publish((0..<count).map { _ in DomainEvent(kind: .queueUpdated, organizationID: organization, at: Date()) })
    }

    @Test func `every connection hears every event published after it registered, in order, over one subscription`() async {
        let transport = InProcessTransport()
        let hub = RealtimeHub(transport: transport, backlog: 16)
        await publish(transport, 2)
        var first = await Listener(hub)
        var second = await Listener(hub)
        #expect(await transport.subscriberCount == 1, "two connections share one transport subscription")
        await publish(transport, 3)
        #expect(await first.next(3) == [.event(3), .event(4), .event(5)], "the first connection hears events 3–5")
        #expect(await second.next(3) == [.event(3), .event(4), .event(5)], "so does the second")
        await hub.unregister(first.mailbox)
        await hub.unregister(second.mailbox)
        #expect(await hub.count == 0, "no connection is left registered")
    }

    @Test func `a connection too far behind is ended after what it was handed, the others go on`() async {
        let transport = InProcessTransport()
        let hub = RealtimeHub(transport: transport, backlog: 2)
        var slow = await Listener(hub)
        var quick = await Listener(hub)
        // The quick connection takes each event before the next is published; the slow one takes none.
        for sequence in Int64(1)...4 {
            await publish(transport, 1)
            #expect(await quick.next(1) == [.event(sequence)], "the connection that keeps up hears event \(sequence)")
        }
        #expect(await slow.next(3, taking: false) == [.event(1), .event(2), .ended], "the slow connection gets its backlog, then is ended")
        await hub.unregister(slow.mailbox)
        await publish(transport, 1)
        #expect(await quick.next(1) == [.event(5)], "and goes on hearing after the slow one left")
    }

    @Test func `when the transport ends the shared stream every connection is ended, and a later one subscribes anew`() async {
        let transport = InProcessTransport()
        let hub = RealtimeHub(transport: transport, backlog: 16)
        var first = await Listener(hub)
        await publish(transport, 1)
        #expect(await first.next(1) == [.event(1)], "the connection hears event 1")
        await transport.finishAllSubscriptions()
        #expect(await first.next(1) == [.ended], "the end of the shared stream ends the connection")
        await hub.unregister(first.mailbox)
        var later = await Listener(hub)
        await publish(transport, 1)
        #expect(await later.next(1) == [.event(2)], "a connection registered afterwards hears event 2")
    }
}
