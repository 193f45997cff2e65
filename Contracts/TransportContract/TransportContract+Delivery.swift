import Domain
import Testing

extension TransportContract {
    /// Live delivery: who receives what, in which order, with which numbers.
    static let deliveryCases: [TransportContractCase] = [
        TransportContractCase("publish returns the events given, in order, with increasing sequence numbers") { transport, _ in
            var published = try await publish(TransportFixtures.events(0..<1), to: transport, "publish(1 event)")
            published += try await publish(TransportFixtures.events(1..<5), to: transport, "publish(4 events)")
            let nothing = try await within("publish([])") { try await transport.publish([]) }
            #expect(nothing.isEmpty, "publish([]) must return no events, got \(nothing.count)")
            published += try await publish(TransportFixtures.events(5..<6), to: transport, "publish(1 event) after publish([])")
            expectIncreasing(published, "successive publish calls")
        },

        TransportContractCase("a subscriber receives every event published after it subscribed, in publish order") { transport, _ in
            let subscriber = try await SubscriptionRecorder.subscribe(to: transport, name: "the subscriber")
            var published = try await publish(TransportFixtures.events(0..<1), to: transport, "publish(event 0)")
            published += try await publish(TransportFixtures.events(1..<8), to: transport, "publish(events 1..<8)")
            published += try await publish(TransportFixtures.events(8..<10), to: transport, "publish(events 8..<10)")
            let received = try await subscriber.first(published.count, after: "3 publish calls")
            expectSame(received, published, "subscriber after publishing events 0..<10 in 3 calls")
        },

        TransportContractCase("several subscribers each receive every event") { transport, _ in
            var subscribers: [SubscriptionRecorder] = []
            for number in 1...3 {
                subscribers.append(try await SubscriptionRecorder.subscribe(to: transport, name: "subscriber \(number)"))
            }
            var published: [PublishedEvent] = []
            for start in stride(from: 0, to: 30, by: 6) {
                published += try await publish(TransportFixtures.events(start..<start + 6), to: transport, "publish(events \(start)..<\(start + 6))")
            }
            for subscriber in subscribers {
                let received = try await subscriber.first(published.count, after: "publishing 30 events")
                expectSame(received, published, "\(subscriber.name) of 3")
            }
        },

        TransportContractCase("events published before subscribing are not delivered live") { transport, _ in
            _ = try await publish(TransportFixtures.events(0..<5), to: transport, "publish(events 0..<5) before subscribing")
            let subscriber = try await SubscriptionRecorder.subscribe(to: transport, name: "the late subscriber")
            let later = try await publish(TransportFixtures.events(5..<8), to: transport, "publish(events 5..<8) after subscribing")
            // Delivery is in order, so an early event delivered live would come first.
            let received = try await subscriber.first(later.count, after: "publishing 3 events after subscribing")
            expectSame(received, later, "late subscriber")
        },

        TransportContractCase("concurrent publishers never produce duplicate or out-of-order sequence numbers") { transport, _ in
            let publishers = 4
            // 25 events per publisher, in calls of varied sizes: 4 × 25 = `minimumSize`.
            let callSizes = [1, 1, 3, 5, 5, 10]
            let subscriber = try await SubscriptionRecorder.subscribe(to: transport, name: "the subscriber")
            let perPublisher = try await withThrowingTaskGroup(of: (Int, [PublishedEvent]).self) { group in
                for publisher in 0..<publishers {
                    group.addTask {
                        var published: [PublishedEvent] = []
                        var next = 0
                        for size in callSizes {
                            let events = TransportFixtures.events(next..<next + size, publisher: publisher)
                            published += try await publish(events, to: transport, "publisher \(publisher): publish(events \(next)..<\(next + size))")
                            next += size
                        }
                        return (publisher, published)
                    }
                }
                return try await group.reduce(into: [Int: [PublishedEvent]]()) { $0[$1.0] = $1.1 }
            }
            for (publisher, published) in perPublisher.sorted(by: { $0.key < $1.key }) {
                expectIncreasing(published, "publisher \(publisher)'s successive publish calls")
            }
            let all = perPublisher.values.flatMap { $0 }
            let sequences = Set(all.map(\.sequence))
            #expect(sequences.count == all.count, "\(publishers) concurrent publishers: \(all.count - sequences.count) duplicate sequence numbers among \(all.count)")

            let expected = all.sorted { $0.sequence < $1.sequence }
            let received = try await subscriber.first(expected.count, after: "\(publishers) concurrent publishers")
            expectSame(received, expected, "subscriber during concurrent publishing (in sequence order)")
            let retained = try await within("events(after: 0)") { try await transport.events(after: 0) }
            expectSame(retained, expected, "events(after: 0) after concurrent publishing")
        },
    ]
}
