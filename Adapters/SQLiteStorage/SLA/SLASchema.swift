import GRDB

/// Tables of the SLA engine, one function per migration that touches them.
enum SLASchema {
    static func v4(_ db: Database) throws {
        // Policies and calendars are replaced as whole lists per organization; `position` keeps the
        // administrator's order (it breaks ties in policy selection). Value parts are JSON documents.
        // `ticket_sla_due` is the SLA worker's index: the sweep reads it in order from its start, so it
        // costs what it returns, not what the table holds; rows with nothing to check are left out.
        try db.execute(sql: """
            CREATE TABLE sla_policies (
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                id TEXT NOT NULL,
                position INTEGER NOT NULL,
                name TEXT NOT NULL,
                targets TEXT NOT NULL,
                conditions TEXT NOT NULL,
                business_hours_id TEXT,
                escalation TEXT,
                PRIMARY KEY (organization_id, id)
            ) STRICT;
            CREATE TABLE business_hours (
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                id TEXT NOT NULL,
                position INTEGER NOT NULL,
                name TEXT NOT NULL,
                definition TEXT NOT NULL,
                PRIMARY KEY (organization_id, id)
            ) STRICT;
            CREATE TABLE ticket_sla (
                ticket_id TEXT NOT NULL PRIMARY KEY REFERENCES tickets(id),
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                policy_id TEXT,
                timeline TEXT NOT NULL,
                assignee_id TEXT,
                department_id TEXT,
                ticket_created_at INTEGER NOT NULL,
                first_response_due_at INTEGER,
                resolution_due_at INTEGER,
                next_check_at INTEGER,
                reported TEXT NOT NULL,
                version INTEGER NOT NULL
            ) STRICT;
            CREATE INDEX ticket_sla_due ON ticket_sla(next_check_at, ticket_id) WHERE next_check_at IS NOT NULL;
            CREATE INDEX ticket_sla_created ON ticket_sla(organization_id, ticket_created_at, ticket_id);
            """)
    }
}
