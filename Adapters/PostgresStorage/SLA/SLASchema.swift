/// Tables of the SLA engine, one list of statements per migration that touches them.
enum SLASchema {
    static let v4 = [
        // Policies and calendars are replaced as whole lists per organization; `position` keeps the
        // administrator's order (it breaks ties in policy selection).
        """
        CREATE TABLE sla_policies (
            organization_id uuid NOT NULL REFERENCES organizations (id),
            id uuid NOT NULL,
            position integer NOT NULL,
            name text NOT NULL,
            targets jsonb NOT NULL,
            conditions jsonb NOT NULL,
            business_hours_id uuid,
            escalation jsonb,
            CONSTRAINT sla_policies_pkey PRIMARY KEY (organization_id, id)
        )
        """,
        """
        CREATE TABLE business_hours (
            organization_id uuid NOT NULL REFERENCES organizations (id),
            id uuid NOT NULL,
            position integer NOT NULL,
            name text NOT NULL,
            definition jsonb NOT NULL,
            CONSTRAINT business_hours_pkey PRIMARY KEY (organization_id, id)
        )
        """,
        """
        CREATE TABLE ticket_sla (
            ticket_id uuid NOT NULL CONSTRAINT ticket_sla_pkey PRIMARY KEY REFERENCES tickets (id),
            organization_id uuid NOT NULL REFERENCES organizations (id),
            policy_id uuid,
            timeline jsonb NOT NULL,
            assignee_id uuid,
            department_id uuid,
            ticket_created_at timestamptz NOT NULL,
            first_response_due_at timestamptz,
            resolution_due_at timestamptz,
            next_check_at timestamptz,
            reported jsonb NOT NULL,
            version integer NOT NULL
        )
        """,
        // The SLA worker's index: the sweep reads it in order from its start, so it costs what it
        // returns, not what the table holds; rows with nothing to check are left out.
        "CREATE INDEX ticket_sla_due ON ticket_sla (next_check_at, ticket_id) WHERE next_check_at IS NOT NULL",
        // Compliance reads one organization's tickets created in a period.
        "CREATE INDEX ticket_sla_created ON ticket_sla (organization_id, ticket_created_at, ticket_id)",
    ]
}
