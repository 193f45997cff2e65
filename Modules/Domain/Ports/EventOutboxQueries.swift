import Foundation

/// A domain event as the event outbox holds it: with the storage-allocated position it was recorded at.
public struct RecordedEvent: Sendable, Equatable {
    /// Allocated by storage when the unit commits; increasing in the order events were recorded, also
    /// across processes. (Concurrent units may commit out of this order; a unit that updates a ticket
    /// records its events after waiting for the ticket, so the events of one ticket are in commit order.)
    public let id: Int64
    public let event: DomainEvent

    public init(id: Int64, event: DomainEvent) {
        self.id = id
        self.event = event
    }
}

/// The committed event outbox (SPEC §7): events recorded with `UnitOfWork.Change.recordEvent` wait here
/// until `EventRelay` has published them to the transport and removed them (`removeRelayedEvents`).
public protocol EventOutboxQueries: Sendable {
    /// Leases up to `limit` recorded events, lowest id first, to `holder` until `now + leaseSeconds`, and
    /// returns them — unless another holder holds an unexpired lease on any recorded event, in which case
    /// it returns nothing: one relay at a time publishes, so the transport sees the outbox's order.
    /// A holder re-claiming gets its own leased events again (a retry after a failed publish).
    /// Atomic across processes: two concurrent claimers never both receive events.
    func claimRecordedEvents(holder: String, now: Date, leaseSeconds: Int, limit: Int) async throws -> [RecordedEvent]
}
