import GRDB

/// Tables of the user aggregate, one function per migration that touches them.
enum UserSchema {
    static func v1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE users (
                id TEXT NOT NULL PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                email TEXT NOT NULL,
                name TEXT NOT NULL,
                phone TEXT,
                role TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                is_active INTEGER NOT NULL,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                version INTEGER NOT NULL
            ) STRICT;
            CREATE UNIQUE INDEX users_organization_email ON users(organization_id, email);
            -- Login without an organization looks an address up across organizations.
            CREATE INDEX users_email ON users(email);
            CREATE INDEX users_organization_role ON users(organization_id, role, id);
            """)
    }
}
