/// Tables and indexes of auto-assignment (§5), one list of statements per migration that touches them.
enum RoutingSchema {
    static let v5 = [
        // One cursor per organization and pool; `department_key` is the department id as text, or '' for the pool
        // of tickets without a department (a primary key column cannot be NULL). The version makes concurrent
        // passes in several workers take turns on a pool.
        """
        CREATE TABLE routing_cursors (
            organization_id uuid NOT NULL REFERENCES organizations (id),
            department_key text NOT NULL,
            agent_id uuid NOT NULL,
            version integer NOT NULL,
            CONSTRAINT routing_cursors_pkey PRIMARY KEY (organization_id, department_key)
        )
        """,
        // The waiting queue in serving order, holding only unassigned tickets in a queue status.
        """
        CREATE INDEX tickets_routing_queue ON tickets (organization_id, priority DESC, created_at, id)
            WHERE assignee_id IS NULL AND status IN ('open', 'reopened', 'escalated')
        """,
    ]
}
