import GRDB

/// Tables of the department aggregate, one function per migration that touches them.
enum DepartmentSchema {
    static func v1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE departments (
                id TEXT NOT NULL PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                name TEXT NOT NULL,
                description TEXT NOT NULL,
                tier INTEGER NOT NULL,
                routing_strategy TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                version INTEGER NOT NULL
            ) STRICT;
            CREATE UNIQUE INDEX departments_organization_name ON departments(organization_id, name);
            """)
    }

    /// `v7_routing_policy`: what happens to an offline agent's tickets; existing departments keep them assigned
    /// (the behaviour before the policy existed).
    static func v7(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE departments ADD COLUMN offline_policy TEXT NOT NULL DEFAULT 'keep_assigned'")
    }
}
