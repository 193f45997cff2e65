import Domain
import Testing

extension TransportContract {
    /// `events(after:)`: what a reconnecting client gets back.
    static let replayCases: [TransportContractCase] = [
        TransportContractCase("events(after:) returns the retained events after a sequence number, oldest first") { transport, _ in
            var published: [PublishedEvent] = []
            for start in stride(from: 0, to: 12, by: 4) {
                published += try await publish(TransportFixtures.events(start..<start + 4), to: transport, "publish(events \(start)..<\(start + 4))")
            }
            let all = try await within("events(after: 0)") { try await transport.events(after: 0) }
            expectSame(all, published, "events(after: 0) after publishing 12 events")
            let middle = published[4].sequence
            let rest = try await within("events(after: \(middle))") { try await transport.events(after: middle) }
            expectSame(rest, Array(published[5...]), "events(after: \(middle)), the 5th event's sequence")
            let last = published[published.count - 1].sequence
            let none = try await within("events(after: \(last))") { try await transport.events(after: last) }
            #expect(none.isEmpty, "events(after: \(last)), the latest sequence, must be empty; got \(none.count)")
            let future = try await within("events(after: \(last + 1_000))") { try await transport.events(after: last + 1_000) }
            #expect(future.isEmpty, "events(after: \(last + 1_000)), beyond the latest sequence, must be empty; got \(future.count)")
        },

        TransportContractCase("a reconnecting subscriber recovers what it missed with events(after:), then receives live events") { transport, _ in
            let first = try await SubscriptionRecorder.subscribe(to: transport, name: "the first connection")
            let seen = try await publish(TransportFixtures.events(0..<3), to: transport, "publish(events 0..<3)")
            let received = try await first.first(seen.count, after: "publishing 3 events")
            expectSame(received, seen, "first connection")
            try await first.cancel()

            let missed = try await publish(TransportFixtures.events(3..<7), to: transport, "publish(events 3..<7) while disconnected")
            let lastSeen = try #require(received.last).sequence
            let replayed = try await within("events(after: \(lastSeen))") { try await transport.events(after: lastSeen) }
            expectSame(replayed, missed, "events(after: \(lastSeen)), the last sequence the first connection saw")

            let second = try await SubscriptionRecorder.subscribe(to: transport, name: "the second connection")
            let live = try await publish(TransportFixtures.events(7..<9), to: transport, "publish(events 7..<9) after reconnecting")
            expectSame(try await second.first(live.count, after: "publishing 2 events after reconnecting"), live, "second connection")
        },

        TransportContractCase("events(after:) keeps exactly the latest retained events", requires: [.evictsOldestBeyondRetention]) { transport, subject in
            let retention = subject.retainedEventCount
            let total = retention + 5
            var published: [PublishedEvent] = []
            var next = 0
            while next < total {
                let end = min(next + 50, total)
                published += try await publish(TransportFixtures.events(next..<end), to: transport, "publish(events \(next)..<\(end))")
                next = end
            }
            let retained = try await within("events(after: 0)") { try await transport.events(after: 0) }
            expectSame(retained, Array(published.suffix(retention)), "events(after: 0) after publishing \(total) events with a retention of \(retention)")
            let evicted = published[2].sequence
            let afterEvicted = try await within("events(after: \(evicted))") { try await transport.events(after: evicted) }
            expectSame(afterEvicted, Array(published.suffix(retention)), "events(after: \(evicted)), an evicted event's sequence")
        },
    ]
}
