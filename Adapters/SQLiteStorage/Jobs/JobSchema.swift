import GRDB

/// Tables of background jobs, one function per migration that touches them.
enum JobSchema {
    static func v2(_ db: Database) throws {
        // A lease is a holder and an expiry, both or neither. `jobs_claim` serves the claim (kind,
        // pending, due) and the operators' list in the order both return: run_at, then id.
        try db.execute(sql: """
            CREATE TABLE jobs (
                id TEXT NOT NULL PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                kind TEXT NOT NULL,
                payload TEXT NOT NULL,
                state TEXT NOT NULL,
                run_at INTEGER NOT NULL,
                attempts INTEGER NOT NULL,
                last_error TEXT,
                lease_holder TEXT,
                lease_expires_at INTEGER,
                created_at INTEGER NOT NULL,
                CHECK ((lease_holder IS NULL) = (lease_expires_at IS NULL))
            ) STRICT;
            CREATE INDEX jobs_claim ON jobs(kind, state, run_at, id);
            """)
    }
}
