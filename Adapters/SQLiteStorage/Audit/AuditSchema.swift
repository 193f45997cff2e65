import GRDB

/// Tables of the audit trail, one function per migration that touches them.
enum AuditSchema {
    static func v1(_ db: Database) throws {
        // `seq` records commit order (the port's read order); an explicit INTEGER PRIMARY KEY is
        // never renumbered by VACUUM, unlike an implicit rowid.
        try db.execute(sql: """
            CREATE TABLE audit_events (
                seq INTEGER PRIMARY KEY,
                id TEXT NOT NULL,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                ticket_id TEXT NOT NULL REFERENCES tickets(id),
                actor_id TEXT,
                kind TEXT NOT NULL,
                changes TEXT NOT NULL,
                note TEXT,
                at INTEGER NOT NULL
            ) STRICT;
            CREATE UNIQUE INDEX audit_events_id ON audit_events(id);
            CREATE INDEX audit_events_ticket ON audit_events(ticket_id, seq);
            """)
    }
}
