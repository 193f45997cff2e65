import Domain
import Foundation

/// The in-memory storage adapter: a real implementation of the `Storage` port for domain and API tests
/// and for demos without a database. Passes the whole `StorageContract`.
///
/// Commits are atomic because they are applied to a copy of the state, which replaces the state only
/// when every change succeeded; the actor serialises commits, so ticket numbers are gap-free.
/// Queries reuse the Domain's reference semantics (`TicketQuery.matches`, `TicketSort.precedes`,
/// `TicketCursor.admits`) rather than re-implementing them.
public actor MemoryStorage: Storage {
    var state = MemoryStorageState()
    private var outage: String?

    public init() {}

    /// Makes every later call throw `StorageError.unavailable(reason:)` (as a store whose database went away
    /// would) until `endOutage()`; for tests of how callers handle an unavailable store.
    public func beginOutage(reason: String = "simulated outage") { outage = reason }

    /// Ends a simulated outage; the data is as it was before.
    public func endOutage() { outage = nil }

    public func commit(_ unit: UnitOfWork) async throws -> CommitReceipt {
        try ensureAvailable()
        var next = state
        var receipt = CommitReceipt()
        for change in unit.changes {
            try next.apply(change, receipt: &receipt)
        }
        state = next
        return receipt
    }

    public func checkHealth() async throws {
        try ensureAvailable()
    }

    func ensureAvailable() throws {
        if let outage { throw StorageError.unavailable(reason: outage) }
    }
}
