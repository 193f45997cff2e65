/// Tables of the user aggregate, one list of statements per migration that touches them.
enum UserSchema {
    static let v1 = [
        """
        CREATE TABLE users (
            id uuid NOT NULL CONSTRAINT users_pkey PRIMARY KEY,
            organization_id uuid NOT NULL REFERENCES organizations (id),
            email text NOT NULL,
            name text NOT NULL,
            phone text,
            role text NOT NULL,
            password_hash text NOT NULL,
            is_active boolean NOT NULL,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL,
            version integer NOT NULL,
            CONSTRAINT users_organization_email_key UNIQUE (organization_id, email)
        )
        """,
        // Login without an organization looks an address up across organizations.
        "CREATE INDEX users_email ON users (email)",
        "CREATE INDEX users_organization_role ON users (organization_id, role, id)",
    ]
}
