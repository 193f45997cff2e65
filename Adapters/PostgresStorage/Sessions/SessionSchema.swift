/// Tables of login sessions (refresh tokens), one list of statements per migration that touches them.
enum SessionSchema {
    static let v2 = [
        """
        CREATE TABLE refresh_tokens (
            id uuid NOT NULL CONSTRAINT refresh_tokens_pkey PRIMARY KEY,
            organization_id uuid NOT NULL REFERENCES organizations (id),
            user_id uuid NOT NULL REFERENCES users (id),
            family_id uuid NOT NULL,
            digest text NOT NULL CONSTRAINT refresh_tokens_digest_key UNIQUE,
            issued_at timestamptz NOT NULL,
            expires_at timestamptz NOT NULL,
            consumed_at timestamptz,
            revoked_at timestamptz
        )
        """,
        // Revoking a family (logout, reuse detected) finds its tokens by index.
        "CREATE INDEX refresh_tokens_family ON refresh_tokens (organization_id, family_id)",
    ]
}
