import Domain
import Testing

/// The executable specification of the transport port (`Transport`, SPEC §7).
///
/// Every transport adapter's tests run it in one line:
/// ```swift
/// @Test(arguments: TransportContract.cases)
/// func contract(_ contractCase: TransportContractCase) async throws {
///     try await contractCase.run(against: MyTransportSubject())
/// }
/// ```
public enum TransportContract {
    /// The smallest subscriber buffer and retention a subject may declare: the contract's bursts of
    /// concurrent publishing (100 events) must fit both.
    public static let minimumSize = 100

    /// How long any single wait (a publish, a delivery, a stream ending) may take before the case fails.
    /// Generous, because test machines are shared; a passing case never waits for it.
    public static let timeout: Duration = .seconds(10)

    /// How long starting a peer instance (`makePeer(of:)`: connecting, preparing its backend) may take.
    /// Longer than `timeout`: it is setup, not one of the calls the contract times, and on a saturated
    /// test machine it involves several round trips through a starved scheduler.
    public static let startTimeout: Duration = .seconds(60)

    /// Every case, in a stable order.
    public static let cases: [TransportContractCase] = deliveryCases + replayCases + slowSubscriberCases + lifecycleCases + instanceCases

    /// Publishes `events` with a deadline, and checks what every `publish` must return: the same events,
    /// in the order given, with strictly increasing positive sequence numbers.
    static func publish(_ events: [DomainEvent], to transport: any Transport, _ operation: String) async throws -> [PublishedEvent] {
        let published = try await within(operation) { try await transport.publish(events) }
        #expect(published.map(\.event) == events, "\(operation) must return the \(events.count) events given, in order")
        expectIncreasing(published, operation)
        return published
    }

    /// Expects strictly increasing sequence numbers, all positive (so `events(after: 0)` means "all").
    static func expectIncreasing(_ events: [PublishedEvent], _ operation: String) {
        if let first = events.first {
            #expect(first.sequence > 0, "\(operation): sequence numbers must be positive, got \(first.sequence)")
        }
        let backwards = events.indices.dropFirst().first { events[$0].sequence <= events[$0 - 1].sequence }
        #expect(backwards == nil, "\(operation): sequence \(backwards.map { events[$0].sequence } ?? 0) at position \(backwards ?? 0) does not follow \(backwards.map { events[$0 - 1].sequence } ?? 0)")
    }

    /// Expects `received` to be exactly `expected` (same sequence numbers, same events, same order),
    /// naming the first difference.
    static func expectSame(_ received: [PublishedEvent], _ expected: [PublishedEvent], _ operation: String) {
        if received == expected { return }
        let index = zip(received, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        if let index {
            Issue.record("\(operation): position \(index) is sequence \(received[index].sequence) (\(received[index].event.data["index"] ?? "?")), expected sequence \(expected[index].sequence) (\(expected[index].event.data["index"] ?? "?"))")
        } else {
            Issue.record("\(operation): got \(received.count) events, expected \(expected.count)")
        }
    }
}
