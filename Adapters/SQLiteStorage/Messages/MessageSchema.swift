import GRDB

/// Tables of the message aggregate, one function per migration that touches them.
enum MessageSchema {
    static func v1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE messages (
                id TEXT NOT NULL PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                ticket_id TEXT NOT NULL REFERENCES tickets(id),
                author_id TEXT,
                kind TEXT NOT NULL,
                body TEXT NOT NULL,
                is_internal INTEGER NOT NULL,
                attachment_ids TEXT NOT NULL,
                created_at INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX messages_ticket ON messages(ticket_id, created_at, id);
            """)
    }
}
