/// Tables of the agent-profile aggregate, one list of statements per migration that touches them.
enum AgentSchema {
    static let v1 = [
        // Sets are sorted arrays; the GIN index makes "agents of department D"
        // (`department_ids @> ARRAY[D]`) an index lookup.
        """
        CREATE TABLE agent_profiles (
            user_id uuid NOT NULL CONSTRAINT agent_profiles_pkey PRIMARY KEY REFERENCES users (id),
            organization_id uuid NOT NULL REFERENCES organizations (id),
            employee_id text,
            department_ids uuid[] NOT NULL,
            tier integer NOT NULL,
            skills text[] NOT NULL,
            languages text[] NOT NULL,
            availability text NOT NULL,
            max_concurrent_tickets integer NOT NULL,
            max_concurrent_chats integer NOT NULL,
            shift jsonb NOT NULL,
            statistics jsonb NOT NULL,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL,
            version integer NOT NULL
        )
        """,
        "CREATE INDEX agent_profiles_organization ON agent_profiles (organization_id, user_id)",
        "CREATE INDEX agent_profiles_departments ON agent_profiles USING gin (department_ids)",
    ]
}
