import GRDB

/// The agents' availability history, one function per migration that touches it.
enum AvailabilitySchema {
    static func v7(_ db: Database) throws {
        // Read per agent, newest first: the index serves that order directly.
        try db.execute(sql: """
            CREATE TABLE availability_changes (
                id TEXT NOT NULL PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                agent_id TEXT NOT NULL REFERENCES users(id),
                actor_id TEXT,
                from_status TEXT NOT NULL,
                to_status TEXT NOT NULL,
                returned_ticket_ids TEXT NOT NULL,
                at INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX availability_changes_agent ON availability_changes(organization_id, agent_id, at, id);
            """)
    }
}
