import GRDB

/// Tables and indexes of auto-assignment (§5), one function per migration that touches them.
enum RoutingSchema {
    static func v5(_ db: Database) throws {
        // One cursor per organization and pool; `department_key` is the department id, or '' for the pool of
        // tickets without a department (a primary key column cannot be NULL).
        try db.execute(sql: """
            CREATE TABLE routing_cursors (
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                department_key TEXT NOT NULL,
                agent_id TEXT NOT NULL,
                version INTEGER NOT NULL,
                PRIMARY KEY (organization_id, department_key)
            ) STRICT;

            -- The waiting queue in serving order, holding only unassigned tickets in a queue status.
            CREATE INDEX tickets_routing_queue ON tickets(organization_id, priority DESC, created_at, id)
                WHERE assignee_id IS NULL AND status IN ('open', 'reopened', 'escalated');
            """)
    }
}
