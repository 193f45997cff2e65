import GRDB

/// Tables of the organization aggregate, one function per migration that touches them.
enum OrganizationSchema {
    static func v1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE organizations (
                id TEXT NOT NULL PRIMARY KEY,
                slug TEXT NOT NULL,
                name TEXT NOT NULL,
                settings TEXT NOT NULL,
                created_at INTEGER NOT NULL
            ) STRICT;
            CREATE UNIQUE INDEX organizations_slug ON organizations(slug);
            """)
    }
}
