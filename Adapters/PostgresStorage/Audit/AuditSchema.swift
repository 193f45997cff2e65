/// Tables of the audit trail, one list of statements per migration that touches them.
enum AuditSchema {
    static let v1 = [
        // `seq` records commit order per ticket (the port's read order): an append locks its ticket's
        // row before drawing the number, so two transactions appending to one ticket draw in the order
        // they commit.
        """
        CREATE TABLE audit_events (
            id uuid NOT NULL CONSTRAINT audit_events_pkey PRIMARY KEY,
            seq bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT audit_events_seq_key UNIQUE,
            organization_id uuid NOT NULL REFERENCES organizations (id),
            ticket_id uuid NOT NULL REFERENCES tickets (id),
            actor_id uuid,
            kind text NOT NULL,
            changes jsonb NOT NULL,
            note text,
            at timestamptz NOT NULL
        )
        """,
        "CREATE INDEX audit_events_ticket ON audit_events (ticket_id, seq)",
    ]
}
