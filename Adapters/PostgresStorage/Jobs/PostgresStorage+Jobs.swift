import Domain
import PostgresNIO
import Foundation

extension PostgresStorage {
    /// One statement: a CTE picks the due jobs oldest first and locks them with `FOR UPDATE SKIP LOCKED`
    /// (rows another claimer is taking are skipped, not waited for), and the UPDATE leases them. A job
    /// leased by a claimer that committed in between no longer matches when PostgreSQL re-checks the
    /// locked row, so two claimers never receive one job while its lease is valid, in any process.
    public func claimJobs(kind: String, holder: String, now: Date, leaseSeconds: Int, limit: Int) async throws -> [Job] {
        // `stored <= now` holds exactly when `stored <= notAfter(now)` (stored instants are whole milliseconds).
        let due = Timestamp.notAfter(now)
        let expiresAt = Timestamp(now.addingTimeInterval(TimeInterval(leaseSeconds)))
        // A single statement is atomic on its own: no explicit transaction, one round trip.
        let claimed = try await read(
            """
            WITH due AS (
                SELECT id FROM jobs
                WHERE kind = \(kind) AND state = 'pending' AND run_at <= \(due)
                    AND (lease_expires_at IS NULL OR lease_expires_at <= \(due))
                ORDER BY run_at, id
                LIMIT \(max(0, limit))
                FOR UPDATE SKIP LOCKED
            )
            UPDATE jobs SET lease_holder = \(holder), lease_expires_at = \(expiresAt), attempts = attempts + 1
            FROM due WHERE jobs.id = due.id
            RETURNING \(unescaped: JobRow.qualifiedColumns)
            """,
            JobRow.job(from:))
        // RETURNING has no order of its own.
        return claimed.sorted { $0.runAt != $1.runAt ? $0.runAt < $1.runAt : $0.id < $1.id }
    }

    public func job(id: JobID) async throws -> Job? {
        try await readOne("\(unescaped: JobRow.selectSQL) WHERE id = \(id.uuid)", JobRow.job(from:))
    }

    public func jobs(kind: String, state: Job.State, limit: Int) async throws -> [Job] {
        try await read(
            "\(unescaped: JobRow.selectSQL) WHERE kind = \(kind) AND state = \(state.rawValue) ORDER BY run_at, id LIMIT \(max(0, limit))",
            JobRow.job(from:))
    }
}
