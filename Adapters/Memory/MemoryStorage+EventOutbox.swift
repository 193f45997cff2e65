import Domain
import Foundation

extension MemoryStorage {
    /// The actor runs one claim at a time, which is what makes claims exclusive here.
    public func claimRecordedEvents(holder: String, now: Date, leaseSeconds: Int, limit: Int) async throws -> [RecordedEvent] {
        try ensureAvailable()
        let heldByOther = state.recordedEventLeases.values.contains { $0.holder != holder && $0.expiresAt > now }
        guard !heldByOther else { return [] }
        let lease = JobLease(holder: holder, expiresAt: now.addingTimeInterval(TimeInterval(leaseSeconds)))
        let ids = state.recordedEvents.keys.sorted().prefix(max(0, limit))
        return ids.map { id in
            state.recordedEventLeases[id] = lease
            return RecordedEvent(id: id, event: state.recordedEvents[id]!)
        }
    }
}
