import Domain
import Foundation
import GRDB

extension SQLiteStorage {
    /// One IMMEDIATE transaction: the write lock is taken before the leases are read, so no other
    /// connection of this or another process can claim between the check and the lease.
    public func claimRecordedEvents(holder: String, now: Date, leaseSeconds: Int, limit: Int) async throws -> [RecordedEvent] {
        let nowMilliseconds = now.millisecondsSince1970
        let expiresAt = nowMilliseconds + Int64(leaseSeconds) * 1_000
        let claimed = try await withStorageErrors {
            try await pool.writeWithoutTransaction { db in
                var events: [RecordedEvent] = []
                try db.inTransaction(.immediate) {
                    let heldByOther = try Bool.fetchOne(db, sql: """
                        SELECT EXISTS (SELECT 1 FROM event_outbox WHERE lease_holder <> ? AND lease_expires_at > ?)
                        """, arguments: [holder, nowMilliseconds]) ?? false
                    guard !heldByOther else { return .commit }
                    events = try db.rows(
                        sql: """
                            UPDATE event_outbox SET lease_holder = ?, lease_expires_at = ?
                            WHERE id IN (SELECT id FROM event_outbox ORDER BY id LIMIT ?)
                            RETURNING id, payload
                            """,
                        arguments: [holder, expiresAt, max(0, limit)]
                    ).map(RecordedEventRow.recordedEvent(from:))
                    return .commit
                }
                return events
            }
        }
        // RETURNING gives rows in no promised order.
        return claimed.sorted { $0.id < $1.id }
    }
}
