import GRDB

/// The `attachments` table: one row per uploaded file (the bytes are in the file store).
enum AttachmentSchema {
    static func v3(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE attachments (
                id TEXT NOT NULL PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                ticket_id TEXT NOT NULL REFERENCES tickets(id),
                uploader_id TEXT NOT NULL,
                message_id TEXT,
                is_internal INTEGER NOT NULL,
                filename TEXT NOT NULL,
                safe_filename TEXT NOT NULL,
                content_type TEXT NOT NULL,
                kind TEXT NOT NULL,
                size INTEGER NOT NULL,
                sha256 TEXT NOT NULL,
                file_key TEXT NOT NULL,
                created_at INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX attachments_ticket ON attachments(ticket_id, created_at, id);
            CREATE INDEX attachments_pending ON attachments(created_at, id) WHERE message_id IS NULL;
            """)
    }
}
