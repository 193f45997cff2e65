/// The `attachments` table: one row per uploaded file (the bytes are in the file store).
enum AttachmentSchema {
    static let v3 = [
        """
        CREATE TABLE attachments (
            id uuid NOT NULL CONSTRAINT attachments_pkey PRIMARY KEY,
            organization_id uuid NOT NULL REFERENCES organizations (id),
            ticket_id uuid NOT NULL REFERENCES tickets (id),
            uploader_id uuid NOT NULL,
            message_id uuid,
            is_internal boolean NOT NULL,
            filename text NOT NULL,
            safe_filename text NOT NULL,
            content_type text NOT NULL,
            kind text NOT NULL,
            size bigint NOT NULL,
            sha256 text NOT NULL,
            file_key text NOT NULL,
            created_at timestamptz NOT NULL
        )
        """,
        // A ticket's files in upload order.
        "CREATE INDEX attachments_ticket ON attachments (ticket_id, created_at, id)",
        // The cleanup job scans only pending uploads, oldest first.
        "CREATE INDEX attachments_pending ON attachments (created_at, id) WHERE message_id IS NULL",
    ]
}
