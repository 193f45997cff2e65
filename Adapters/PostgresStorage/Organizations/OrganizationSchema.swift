/// Tables of the organization aggregate, one list of statements per migration that touches them.
enum OrganizationSchema {
    static let v1 = [
        """
        CREATE TABLE organizations (
            id uuid NOT NULL CONSTRAINT organizations_pkey PRIMARY KEY,
            slug text NOT NULL CONSTRAINT organizations_slug_key UNIQUE,
            name text NOT NULL,
            settings jsonb NOT NULL,
            created_at timestamptz NOT NULL
        )
        """,
    ]
}
