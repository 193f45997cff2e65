/// Tables of the ticket aggregate, one list of statements per migration that touches them.
enum TicketSchema {
    static let v1 = [
        // Scalar fields that lists filter or sort on are columns; sets and lists are arrays (tags and
        // participants with GIN indexes for the tag filter and the staff scope); value fields nobody
        // queries are jsonb. `priority` holds `Priority.rank`, the number lists sort by.
        """
        CREATE TABLE tickets (
            id uuid NOT NULL CONSTRAINT tickets_pkey PRIMARY KEY,
            organization_id uuid NOT NULL REFERENCES organizations (id),
            number integer NOT NULL,
            customer_id uuid NOT NULL,
            contact_name text NOT NULL,
            contact_email text,
            contact_phone text,
            subject text NOT NULL,
            description text NOT NULL,
            channel text NOT NULL,
            category text NOT NULL,
            priority integer NOT NULL,
            status text NOT NULL,
            tags text[] NOT NULL,
            custom_fields jsonb NOT NULL,
            external_references jsonb NOT NULL,
            journey_answers jsonb,
            attachment_ids uuid[] NOT NULL,
            assignee_id uuid,
            department_id uuid,
            tier integer NOT NULL,
            required_skills text[] NOT NULL,
            language text,
            participant_ids uuid[] NOT NULL,
            escalations jsonb NOT NULL,
            resolution jsonb,
            rating jsonb,
            merged_into_id uuid,
            linked_ticket_ids uuid[] NOT NULL,
            first_response_at timestamptz,
            closed_at timestamptz,
            reopen_count integer NOT NULL,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL,
            version integer NOT NULL,
            -- Numbers are allocated by the adapter; this constraint only guards that promise.
            CONSTRAINT tickets_organization_number_key UNIQUE (organization_id, number)
        )
        """,
        // Sorts of §12 (ties broken by id): every list is scoped to one organization.
        "CREATE INDEX tickets_created ON tickets (organization_id, created_at, id)",
        "CREATE INDEX tickets_updated ON tickets (organization_id, updated_at, id)",
        "CREATE INDEX tickets_priority ON tickets (organization_id, priority, id)",
        // Filters of §12.
        "CREATE INDEX tickets_status ON tickets (organization_id, status, created_at, id)",
        "CREATE INDEX tickets_category ON tickets (organization_id, category, created_at, id)",
        "CREATE INDEX tickets_channel ON tickets (organization_id, channel, created_at, id)",
        "CREATE INDEX tickets_customer ON tickets (organization_id, customer_id, created_at, id)",
        // Assignee and department also serve the agents' queue and capacity counts.
        "CREATE INDEX tickets_assignee ON tickets (organization_id, assignee_id, status)",
        "CREATE INDEX tickets_department ON tickets (organization_id, department_id, assignee_id, status)",
        "CREATE INDEX tickets_tags ON tickets USING gin (tags)",
        "CREATE INDEX tickets_participants ON tickets USING gin (participant_ids)",
        // The last number of each organization, created with the organization and bumped (row-locked)
        // by the transaction that inserts a ticket, so numbers follow commit order across processes and
        // a rolled-back unit leaves no gap.
        """
        CREATE TABLE ticket_counters (
            organization_id uuid NOT NULL CONSTRAINT ticket_counters_pkey PRIMARY KEY REFERENCES organizations (id),
            last_number integer NOT NULL
        )
        """,
        // Written right after its ticket, in the same transaction.
        """
        CREATE TABLE idempotency_keys (
            organization_id uuid NOT NULL REFERENCES organizations (id),
            user_id uuid NOT NULL,
            key text NOT NULL,
            fingerprint text NOT NULL,
            ticket_id uuid NOT NULL REFERENCES tickets (id),
            CONSTRAINT idempotency_keys_pkey PRIMARY KEY (organization_id, user_id, key)
        )
        """,
    ]
}
