import Domain
import Foundation
import GRDB

extension SQLiteStorage {
    /// One IMMEDIATE transaction: the write lock is taken before anything is read, so no other
    /// connection of this or another process can claim between the selection of the due jobs and their
    /// lease. Times compare as whole milliseconds, as they are stored.
    public func claimJobs(kind: String, holder: String, now: Date, leaseSeconds: Int, limit: Int) async throws -> [Job] {
        let nowMilliseconds = now.millisecondsSince1970
        let expiresAt = nowMilliseconds + Int64(leaseSeconds) * 1_000
        let claimed = try await withStorageErrors {
            try await pool.writeWithoutTransaction { db in
                var jobs: [Job] = []
                try db.inTransaction(.immediate) {
                    // Mapped inside the transaction: a row that cannot be read rolls the whole claim back.
                    jobs = try db.rows(
                        sql: JobRow.claimSQL,
                        arguments: [holder, expiresAt, kind, nowMilliseconds, nowMilliseconds, max(0, limit)]
                    ).map(JobRow.job(from:))
                    return .commit
                }
                return jobs
            }
        }
        // RETURNING gives rows in no promised order; the port's order is run_at, then id.
        return claimed.sorted { ($0.runAt, $0.id) < ($1.runAt, $1.id) }
    }

    public func job(id: JobID) async throws -> Job? {
        try await read { db in
            try db.row(sql: "\(JobRow.selectSQL) WHERE id = ?", arguments: [id.description]).map(JobRow.job(from:))
        }
    }

    public func jobs(kind: String, state: Job.State, limit: Int) async throws -> [Job] {
        try await read { db in
            try db.rows(sql: JobRow.listSQL, arguments: [kind, state.rawValue, max(0, limit)])
                .map(JobRow.job(from:))
        }
    }
}
