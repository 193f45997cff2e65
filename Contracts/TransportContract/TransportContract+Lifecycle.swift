import Domain
import Testing

extension TransportContract {
    /// Ending subscriptions: a closed connection cancels its reading task.
    static let lifecycleCases: [TransportContractCase] = [
        TransportContractCase("cancelling a subscriber's task ends its subscription and leaves the others") { transport, _ in
            let leaving = try await SubscriptionRecorder.subscribe(to: transport, name: "the leaving subscriber")
            let staying = try await SubscriptionRecorder.subscribe(to: transport, name: "the staying subscriber")
            let before = try await publish(TransportFixtures.events(0..<2), to: transport, "publish(events 0..<2)")
            expectSame(try await leaving.first(2, after: "publishing 2 events"), before, "leaving subscriber before cancelling")
            try await leaving.cancel()

            let after = try await publish(TransportFixtures.events(2..<5), to: transport, "publish(events 2..<5) after cancelling")
            expectSame(try await staying.first(5, after: "publishing 5 events"), before + after, "staying subscriber")
            expectSame(leaving.received, before, "cancelled subscriber after more publishing")
        },

        TransportContractCase("a cancelled subscription is freed by the time the next event is delivered", requires: [.countsSubscribers]) { transport, subject in
            #expect(try await subject.subscriberCount(in: transport) == 0, "subscriber count of a new transport")
            let leaving = try await SubscriptionRecorder.subscribe(to: transport, name: "the leaving subscriber")
            let staying = try await SubscriptionRecorder.subscribe(to: transport, name: "the staying subscriber")
            #expect(try await subject.subscriberCount(in: transport) == 2, "subscriber count after 2 subscribe() calls")
            try await leaving.cancel()
            _ = try await publish(TransportFixtures.events(0..<1), to: transport, "publish(1 event) after cancelling")
            _ = try await staying.first(1, after: "publishing after cancelling")
            #expect(try await subject.subscriberCount(in: transport) == 1, "subscriber count after cancelling 1 of 2 and delivering an event")
        },
    ]
}
