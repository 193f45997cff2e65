/// The agents' availability history, one list of statements per migration that touches it.
enum AvailabilitySchema {
    static let v7 = [
        """
        CREATE TABLE availability_changes (
            id uuid NOT NULL CONSTRAINT availability_changes_pkey PRIMARY KEY,
            organization_id uuid NOT NULL REFERENCES organizations (id),
            agent_id uuid NOT NULL REFERENCES users (id),
            actor_id uuid,
            from_status text NOT NULL,
            to_status text NOT NULL,
            returned_ticket_ids jsonb NOT NULL,
            at timestamptz NOT NULL
        )
        """,
        // Read per agent, newest first: the index serves that order directly.
        "CREATE INDEX availability_changes_agent ON availability_changes (organization_id, agent_id, at, id)",
    ]
}
