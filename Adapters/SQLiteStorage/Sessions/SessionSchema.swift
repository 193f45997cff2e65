import GRDB

/// Tables of login sessions (refresh tokens), one function per migration that touches them.
enum SessionSchema {
    static func v2(_ db: Database) throws {
        // Only the digest of a secret is stored; a refresh looks it up across organizations, hence the
        // global unique index. Logout and reuse detection revoke a family within its organization.
        try db.execute(sql: """
            CREATE TABLE refresh_tokens (
                id TEXT NOT NULL PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                user_id TEXT NOT NULL REFERENCES users(id),
                family_id TEXT NOT NULL,
                digest TEXT NOT NULL,
                issued_at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL,
                consumed_at INTEGER,
                revoked_at INTEGER
            ) STRICT;
            CREATE UNIQUE INDEX refresh_tokens_digest ON refresh_tokens(digest);
            CREATE INDEX refresh_tokens_family ON refresh_tokens(organization_id, family_id);
            """)
    }
}
