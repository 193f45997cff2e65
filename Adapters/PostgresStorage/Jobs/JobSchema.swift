/// Tables of background jobs, one list of statements per migration that touches them.
enum JobSchema {
    static let v2 = [
        """
        CREATE TABLE jobs (
            id uuid NOT NULL CONSTRAINT jobs_pkey PRIMARY KEY,
            organization_id uuid NOT NULL REFERENCES organizations (id),
            kind text NOT NULL,
            payload text NOT NULL,
            state text NOT NULL,
            run_at timestamptz NOT NULL,
            attempts integer NOT NULL,
            last_error text,
            lease_holder text,
            lease_expires_at timestamptz,
            created_at timestamptz NOT NULL
        )
        """,
        // Claims scan only pending jobs of one kind, oldest `run_at` first.
        "CREATE INDEX jobs_claimable ON jobs (kind, run_at, id) WHERE state = 'pending'",
        // Operators list jobs of a kind in a state.
        "CREATE INDEX jobs_kind_state ON jobs (kind, state, run_at, id)",
    ]
}
