import Domain
import Testing

extension TransportContract {
    /// Back-pressure (SPEC §7: "slow consumers are dropped, not allowed to block others").
    static let slowSubscriberCases: [TransportContractCase] = [
        TransportContractCase("a subscriber may fall behind by its buffer size without being dropped") { transport, subject in
            let buffer = subject.subscriberBufferSize
            // Subscribed but not read yet: every event waits in its buffer.
            let stream = try await within("subscribe()") { await transport.subscribe() }
            let backlog = try await publish(TransportFixtures.events(0..<buffer), to: transport, "publish(\(buffer) events) to an unread subscriber")
            let subscriber = SubscriptionRecorder(stream, name: "the subscriber \(buffer) events behind")
            expectSame(try await subscriber.first(buffer, after: "publishing \(buffer) events"), backlog, "subscriber reading its full buffer")
            // Still subscribed: it receives what comes next.
            let next = try await publish(TransportFixtures.events(buffer..<buffer + 1), to: transport, "publish(1 event) after the subscriber caught up")
            let received = try await subscriber.first(buffer + 1, after: "publishing one more event")
            expectSame(Array(received.suffix(1)), next, "subscriber after catching up")
        },

        TransportContractCase("a subscriber that falls further behind is dropped after a gap-free prefix, without blocking publishers or other subscribers") { transport, subject in
            let buffer = subject.subscriberBufferSize
            let slowStream = try await within("subscribe() for the slow subscriber") { await transport.subscribe() }
            let fast = try await SubscriptionRecorder.subscribe(to: transport, name: "the fast subscriber")
            let published = try await publishPaced(2 * buffer + 1, to: transport, keepingUp: fast, batch: max(1, buffer / 4))

            let slow = SubscriptionRecorder(slowStream, name: "the slow subscriber")
            let delivered = try await slow.end(after: "falling \(published.count) events behind with a buffer of \(buffer)")
            // A prefix without gaps: a client that reconnects with events(after: its last sequence) misses nothing.
            expectSame(delivered, Array(published.prefix(buffer)), "slow subscriber (buffer \(buffer)) before being dropped")

            let after = try await publish(TransportFixtures.events(published.count..<published.count + 1), to: transport, "publish(1 event) after dropping the slow subscriber")
            expectSame(try await fast.first(published.count + 1, after: "publishing after the drop"), published + after, "fast subscriber, still subscribed")
        },

        TransportContractCase("a dropped subscriber is freed", requires: [.countsSubscribers]) { transport, subject in
            let buffer = subject.subscriberBufferSize
            let slowStream = try await within("subscribe() for the slow subscriber") { await transport.subscribe() }
            let fast = try await SubscriptionRecorder.subscribe(to: transport, name: "the fast subscriber")
            #expect(try await subject.subscriberCount(in: transport) == 2, "subscriber count after 2 subscribe() calls")
            _ = try await publishPaced(buffer + 1, to: transport, keepingUp: fast, batch: max(1, buffer / 4))
            _ = try await SubscriptionRecorder(slowStream, name: "the slow subscriber").end(after: "falling behind")
            #expect(try await subject.subscriberCount(in: transport) == 1, "subscriber count once the slow subscriber's stream ended")
        },
    ]

    /// Publishes `total` fixture events in batches, each batch only once `subscriber` has received the
    /// previous one, so a reading subscriber never lags by more than one batch. Every publish has a deadline.
    static func publishPaced(_ total: Int, to transport: any Transport, keepingUp subscriber: SubscriptionRecorder, batch: Int) async throws -> [PublishedEvent] {
        var published: [PublishedEvent] = []
        while published.count < total {
            let range = published.count..<min(published.count + batch, total)
            published += try await publish(TransportFixtures.events(range), to: transport, "publish(events \(range.lowerBound)..<\(range.upperBound)) with an unread subscriber")
            _ = try await subscriber.first(published.count, after: "publishing events 0..<\(range.upperBound)")
        }
        return published
    }
}
