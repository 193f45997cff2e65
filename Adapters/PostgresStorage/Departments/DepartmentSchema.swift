/// Tables of the department aggregate, one list of statements per migration that touches them.
enum DepartmentSchema {
    static let v1 = [
        // `COLLATE "C"`: departments are listed by name in code-point order, as every adapter lists
        // them, whatever locale the database was created with.
        """
        CREATE TABLE departments (
            id uuid NOT NULL CONSTRAINT departments_pkey PRIMARY KEY,
            organization_id uuid NOT NULL REFERENCES organizations (id),
            name text COLLATE "C" NOT NULL,
            description text NOT NULL,
            tier integer NOT NULL,
            routing_strategy text NOT NULL,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL,
            version integer NOT NULL,
            CONSTRAINT departments_organization_name_key UNIQUE (organization_id, name)
        )
        """,
    ]

    /// `v7_routing_policy`: what happens to an offline agent's tickets; existing departments keep them assigned
    /// (the behaviour before the policy existed).
    static let v7 = [
        "ALTER TABLE departments ADD COLUMN offline_policy text NOT NULL DEFAULT 'keep_assigned'",
    ]
}
