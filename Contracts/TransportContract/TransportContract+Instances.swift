import Domain
import Testing

extension TransportContract {
    /// One transport spanning several processes (SPEC §7: "a worker's auto-assignment reaches the agent
    /// connected to any API process"): instances on one shared backend behave as one transport.
    static let instanceCases: [TransportContractCase] = [
        TransportContractCase("an event published through one instance reaches the subscribers of every instance, with the same numbers, in order", requires: [.spansInstances]) { transport, subject in
            let peer = try await within("makePeer(of:)", limit: TransportContract.startTimeout) { try await subject.makePeer(of: transport) }
            let here = try await SubscriptionRecorder.subscribe(to: transport, name: "the first instance's subscriber")
            let there = try await SubscriptionRecorder.subscribe(to: peer, name: "the second instance's subscriber")
            var published = try await publish(TransportFixtures.events(0..<3), to: transport, "publish(events 0..<3) through the first instance")
            published += try await publish(TransportFixtures.events(3..<7, publisher: 1), to: peer, "publish(events 3..<7) through the second instance")
            expectIncreasing(published, "publishing through one instance, then the other")
            expectSame(try await here.first(7, after: "publishing through both instances"), published, "first instance's subscriber")
            expectSame(try await there.first(7, after: "publishing through both instances"), published, "second instance's subscriber")
        },

        TransportContractCase("instances publishing at once number events in one order that every subscriber of every instance sees", requires: [.spansInstances]) { transport, subject in
            let peer = try await within("makePeer(of:)", limit: TransportContract.startTimeout) { try await subject.makePeer(of: transport) }
            let here = try await SubscriptionRecorder.subscribe(to: transport, name: "the first instance's subscriber")
            let there = try await SubscriptionRecorder.subscribe(to: peer, name: "the second instance's subscriber")
            // 2 instances × 2 publishers × 25 events, in calls of 5.
            let publishers = [transport, peer, transport, peer]
            let published = try await withThrowingTaskGroup(of: [PublishedEvent].self) { group in
                for (index, instance) in publishers.enumerated() {
                    group.addTask {
                        var numbered: [PublishedEvent] = []
                        for start in stride(from: 0, to: 25, by: 5) {
                            numbered += try await publish(TransportFixtures.events(start..<start + 5, publisher: index), to: instance, "publisher \(index): publish(events \(start)..<\(start + 5))")
                        }
                        return numbered
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            let all = published.sorted { $0.sequence < $1.sequence }
            #expect(Set(all.map(\.sequence)).count == 100, "100 events published through 2 instances at once must get 100 distinct numbers")
            let first = try await here.first(100, after: "100 concurrent publishes through 2 instances")
            let second = try await there.first(100, after: "100 concurrent publishes through 2 instances")
            expectSame(first, all, "first instance's subscriber, in number order")
            expectSame(second, all, "second instance's subscriber, in number order")
            // Each publisher's own events keep the order it published them in.
            for index in publishers.indices {
                let own = first.filter { $0.event.data["publisher"] == String(index) }.map { $0.event.data["index"] ?? "" }
                #expect(own == (0..<25).map(String.init), "publisher \(index)'s events arrive in the order it published them")
            }
        },

        TransportContractCase("a subscriber reconnecting to another instance recovers what it missed with events(after:)", requires: [.spansInstances]) { transport, subject in
            let peer = try await within("makePeer(of:)", limit: TransportContract.startTimeout) { try await subject.makePeer(of: transport) }
            let before = try await publish(TransportFixtures.events(0..<3), to: transport, "publish(events 0..<3) through the first instance")
            let missed = try await publish(TransportFixtures.events(3..<8), to: transport, "publish(events 3..<8) while disconnected")
            let replayed = try await within("events(after: \(before.last!.sequence)) on the second instance") { try await peer.events(after: before.last!.sequence) }
            expectSame(replayed, missed, "events(after: last seen) on another instance")
        },
    ]
}
