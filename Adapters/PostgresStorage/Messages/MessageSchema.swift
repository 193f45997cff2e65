/// Tables of the message aggregate, one list of statements per migration that touches them.
enum MessageSchema {
    static let v1 = [
        """
        CREATE TABLE messages (
            id uuid NOT NULL CONSTRAINT messages_pkey PRIMARY KEY,
            organization_id uuid NOT NULL REFERENCES organizations (id),
            ticket_id uuid NOT NULL REFERENCES tickets (id),
            author_id uuid,
            kind text NOT NULL,
            body text NOT NULL,
            is_internal boolean NOT NULL,
            attachment_ids uuid[] NOT NULL,
            created_at timestamptz NOT NULL
        )
        """,
        "CREATE INDEX messages_ticket ON messages (ticket_id, created_at, id)",
    ]
}
