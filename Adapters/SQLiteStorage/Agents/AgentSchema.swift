import GRDB

/// Tables of the agent-profile aggregate, one function per migration that touches them.
enum AgentSchema {
    static func v1(_ db: Database) throws {
        // `department_ids` keeps the profile readable in one row; `agent_departments` repeats it as
        // rows so that "agents of department D" is an index lookup.
        try db.execute(sql: """
            CREATE TABLE agent_profiles (
                user_id TEXT NOT NULL PRIMARY KEY REFERENCES users(id),
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                employee_id TEXT,
                department_ids TEXT NOT NULL,
                tier INTEGER NOT NULL,
                skills TEXT NOT NULL,
                languages TEXT NOT NULL,
                availability TEXT NOT NULL,
                max_concurrent_tickets INTEGER NOT NULL,
                max_concurrent_chats INTEGER NOT NULL,
                shift TEXT NOT NULL,
                statistics TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                version INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX agent_profiles_organization ON agent_profiles(organization_id, user_id);
            CREATE TABLE agent_departments (
                user_id TEXT NOT NULL REFERENCES agent_profiles(user_id) ON DELETE CASCADE,
                department_id TEXT NOT NULL,
                organization_id TEXT NOT NULL,
                PRIMARY KEY (user_id, department_id)
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX agent_departments_department ON agent_departments(organization_id, department_id, user_id);
            """)
    }
}
