import Domain
import Foundation
import PostgresNIO

extension PostgresStorage {
    /// The advisory lock that serialises claims of the event outbox between relays in every process.
    static let eventOutboxClaimLock: Int64 = 0x5357_4254_4556_5431

    /// One transaction holding a transaction-scoped advisory lock: claimers queue on it, so the check
    /// for another holder's lease and the new lease happen without a claimer in between. Writers of
    /// events never take it, so use cases are not slowed by relays.
    public func claimRecordedEvents(holder: String, now: Date, leaseSeconds: Int, limit: Int) async throws -> [RecordedEvent] {
        let expiresAt = Timestamp(now.addingTimeInterval(TimeInterval(leaseSeconds)))
        // An expiry is unexpired when `stored > now`, i.e. `stored > notAfter(now)` for whole milliseconds.
        let current = Timestamp.notAfter(now)
        let claimed = try await transaction { transaction in
            try await transaction.execute("SELECT pg_advisory_xact_lock(\(Self.eventOutboxClaimLock))")
            let heldByOther = try await transaction.affectsRow("""
                SELECT 1 FROM event_outbox WHERE lease_holder <> \(holder) AND lease_expires_at > \(current) LIMIT 1
                """)
            guard !heldByOther else { return [RecordedEvent]() }
            return try await transaction.rows("""
                UPDATE event_outbox SET lease_holder = \(holder), lease_expires_at = \(expiresAt)
                WHERE id IN (SELECT id FROM event_outbox ORDER BY id LIMIT \(max(0, limit)))
                RETURNING id, payload
                """).map(RecordedEventRow.recordedEvent(from:))
        }
        return claimed.sorted { $0.id < $1.id }
    }
}
