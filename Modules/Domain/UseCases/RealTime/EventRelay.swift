import Foundation

/// Publishes committed events from the event outbox to the transport (SPEC §7): an event exists only
/// for a change that committed, and none is lost when a process dies after its commit — the outbox
/// keeps it until a relay has published it. Delivery is at least once: a relay that dies between
/// publishing and removing leaves the batch to be published again when its lease expires.
public struct EventRelay: Sendable {
    let deps: Dependencies

    public init(_ deps: Dependencies) { self.deps = deps }

    /// One batch: claims up to `limit` recorded events, publishes them in order, removes them.
    /// Returns how many were published (0 when the outbox is empty or another relay holds it).
    /// A failed publish throws and leaves the events leased to `holder`, which retries them next time.
    @discardableResult
    public func relayPending(holder: String, limit: Int = 100, leaseSeconds: Int = 30) async throws(DomainError) -> Int {
        let now = deps.clock.now()
        let claimed = try await deps.read {
            try await $0.claimRecordedEvents(holder: holder, now: now, leaseSeconds: leaseSeconds, limit: limit)
        }
        guard !claimed.isEmpty else { return 0 }
        do {
            _ = try await deps.transport.publish(claimed.map(\.event))
        } catch {
            throw .unavailable(reason: "the transport refused events: \(error)")
        }
        _ = try await deps.commit(UnitOfWork([.removeRelayedEvents(claimed.map(\.id))]))
        return claimed.count
    }
}
