import Domain
import Foundation
import PostgresNIO

/// A row of `jobs`, mapped to and from `Job`. The lease is two columns, both set or both NULL.
enum JobRow {
    static let columns = "id, organization_id, kind, payload, state, run_at, attempts, last_error, lease_holder, lease_expires_at, created_at"
    static let selectSQL = "SELECT \(columns) FROM jobs"
    /// The columns prefixed with the table, for statements that join.
    static let qualifiedColumns = columns.split(separator: ", ").map { "jobs.\($0)" }.joined(separator: ", ")

    /// Stores the job if its organization exists; reports whether it did.
    static func insert(_ transaction: Transaction, _ job: Job) async throws -> Bool {
        try await transaction.affectsRow("""
            INSERT INTO jobs (\(unescaped: columns))
            SELECT \(job.id.uuid), id, \(job.kind), \(job.payload), \(job.state.rawValue), \(Timestamp(job.runAt)), \(job.attempts),
                \(job.lastError), \(job.lease?.holder), \(job.lease.map { Timestamp($0.expiresAt) }), \(Timestamp(job.createdAt))
            FROM organizations WHERE id = \(job.organizationID.uuid)
            RETURNING 1
            """)
    }

    /// Deletes the job if `holder` holds it; reports whether it did.
    static func complete(_ transaction: Transaction, _ id: JobID, holder: String) async throws -> Bool {
        try await transaction.affectsRow(
            "DELETE FROM jobs WHERE id = \(id.uuid) AND state = 'pending' AND lease_holder = \(holder) RETURNING 1")
    }

    /// Releases `holder`'s lease, to run again at `runAt`; reports whether `holder` held it.
    static func reschedule(_ transaction: Transaction, _ id: JobID, holder: String, runAt: Date, error: String) async throws -> Bool {
        try await transaction.affectsRow("""
            UPDATE jobs SET lease_holder = NULL, lease_expires_at = NULL, run_at = \(Timestamp(runAt)), last_error = \(error)
            WHERE id = \(id.uuid) AND state = 'pending' AND lease_holder = \(holder)
            RETURNING 1
            """)
    }

    /// Marks the job failed and releases `holder`'s lease; reports whether `holder` held it.
    static func fail(_ transaction: Transaction, _ id: JobID, holder: String, error: String) async throws -> Bool {
        try await transaction.affectsRow("""
            UPDATE jobs SET lease_holder = NULL, lease_expires_at = NULL, state = 'failed', last_error = \(error)
            WHERE id = \(id.uuid) AND state = 'pending' AND lease_holder = \(holder)
            RETURNING 1
            """)
    }

    /// Sends a failed job back to pending; reports whether it was failed (in that organization).
    static func requeue(_ transaction: Transaction, _ id: JobID, organization: OrganizationID, runAt: Date) async throws -> Bool {
        try await transaction.affectsRow("""
            UPDATE jobs SET state = 'pending', run_at = \(Timestamp(runAt)), attempts = 0, lease_holder = NULL, lease_expires_at = NULL
            WHERE id = \(id.uuid) AND organization_id = \(organization.uuid) AND state = 'failed'
            RETURNING 1
            """)
    }

    static func job(from row: RowReader) throws -> Job {
        let holder = try row.optionalText("lease_holder")
        let expiresAt = try row.optionalDate("lease_expires_at")
        let lease: JobLease?
        switch (holder, expiresAt) {
        case let (holder?, expiresAt?): lease = JobLease(holder: holder, expiresAt: expiresAt)
        case (nil, nil): lease = nil
        default: throw CorruptRow(reason: "jobs.lease_holder and lease_expires_at should be set together")
        }
        return Job(
            id: try row.id("id"),
            organizationID: try row.id("organization_id"),
            kind: try row.text("kind"),
            payload: try row.text("payload"),
            state: try row.enumeration("state"),
            runAt: try row.date("run_at"),
            attempts: try row.integer("attempts"),
            lastError: try row.optionalText("last_error"),
            lease: lease,
            createdAt: try row.date("created_at"))
    }
}
