import Domain
import Foundation
import GRDB

/// A row of `jobs`, mapped to and from `Job`, and the statements that change one.
///
/// The finishing statements (`complete`, `reschedule`, `fail`) carry their holder rule in the WHERE
/// clause: they change the row only while it is pending and leased to that holder, and report whether
/// they did, so that a holder whose lease passed to another worker changes nothing.
enum JobRow {
    static let columns = """
        id, organization_id, kind, payload, state, run_at, attempts, last_error, lease_holder, lease_expires_at, created_at
        """
    static let selectSQL = "SELECT \(columns) FROM jobs"

    /// Jobs of a kind in a state, oldest `run_at` first, then id. Arguments: kind, state, limit.
    static let listSQL = "\(selectSQL) WHERE kind = ? AND state = ? ORDER BY run_at, id LIMIT ?"

    /// Leases the oldest due, pending, unleased (or expired) jobs of a kind and returns them as leased.
    /// Arguments: holder, lease expiry, kind, now, now, limit (all times in milliseconds). Like `listSQL`
    /// it reads `jobs_claim` in order, without sorting. Run it inside an IMMEDIATE transaction (see `claimJobs`).
    static let claimSQL = """
        UPDATE jobs SET lease_holder = ?, lease_expires_at = ?, attempts = attempts + 1
        WHERE id IN (
            SELECT id FROM jobs
            WHERE kind = ? AND state = 'pending' AND run_at <= ?
                AND (lease_expires_at IS NULL OR lease_expires_at <= ?)
            ORDER BY run_at, id
            LIMIT ?
        )
        RETURNING \(columns)
        """

    static func insert(_ db: Database, _ job: Job) throws {
        try db.run(
            sql: "INSERT INTO jobs (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: [
                job.id.description, job.organizationID.description, job.kind, job.payload, job.state.rawValue,
                job.runAt.millisecondsSince1970, job.attempts, job.lastError, job.lease?.holder,
                job.lease?.expiresAt.millisecondsSince1970, job.createdAt.millisecondsSince1970,
            ])
    }

    /// Deletes a finished job held by `holder`.
    static func complete(_ db: Database, id: JobID, holder: String) throws -> Bool {
        try db.run(
            sql: "DELETE FROM jobs WHERE id = ? AND state = 'pending' AND lease_holder = ?",
            arguments: [id.description, holder])
        return db.changesCount > 0
    }

    /// Releases `holder`'s lease and makes the job due again at `runAt`.
    static func reschedule(_ db: Database, id: JobID, holder: String, runAt: Date, error: String) throws -> Bool {
        try db.run(
            sql: """
                UPDATE jobs SET lease_holder = NULL, lease_expires_at = NULL, run_at = ?, last_error = ?
                WHERE id = ? AND state = 'pending' AND lease_holder = ?
                """,
            arguments: [runAt.millisecondsSince1970, error, id.description, holder])
        return db.changesCount > 0
    }

    /// Releases `holder`'s lease and keeps the job as failed.
    static func fail(_ db: Database, id: JobID, holder: String, error: String) throws -> Bool {
        try db.run(
            sql: """
                UPDATE jobs SET lease_holder = NULL, lease_expires_at = NULL, state = 'failed', last_error = ?
                WHERE id = ? AND state = 'pending' AND lease_holder = ?
                """,
            arguments: [error, id.description, holder])
        return db.changesCount > 0
    }

    /// Sends a failed job of `organization` back to pending at `runAt`, with its attempts reset.
    static func requeue(_ db: Database, id: JobID, organization: OrganizationID, runAt: Date) throws -> Bool {
        try db.run(
            sql: """
                UPDATE jobs SET state = 'pending', run_at = ?, attempts = 0, lease_holder = NULL, lease_expires_at = NULL
                WHERE id = ? AND organization_id = ? AND state = 'failed'
                """,
            arguments: [runAt.millisecondsSince1970, id.description, organization.description])
        return db.changesCount > 0
    }

    static func job(from row: Row) throws -> Job {
        Job(
            id: try row.id("id"),
            organizationID: try row.id("organization_id"),
            kind: try row.text("kind"),
            payload: try row.text("payload"),
            state: try row.enumeration("state"),
            runAt: try row.date("run_at"),
            attempts: try row.integer("attempts"),
            lastError: try row.optionalText("last_error"),
            lease: try lease(from: row),
            createdAt: try row.date("created_at"))
    }

    private static func lease(from row: Row) throws -> JobLease? {
        switch (try row.optionalText("lease_holder"), try row.optionalDate("lease_expires_at")) {
        case (nil, nil): return nil
        case (let holder?, let expiresAt?): return JobLease(holder: holder, expiresAt: expiresAt)
        default: throw CorruptRow(reason: "jobs.lease_holder and jobs.lease_expires_at should be both set or both NULL")
        }
    }
}
