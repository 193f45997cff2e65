import Domain

/// Which `UniqueConstraint` each unique index of the schema enforces.
///
/// SQLite reports a unique violation as `UNIQUE constraint failed: table.column, table.column`,
/// naming the columns of the index rather than the index, so the columns are the key here.
/// A migration that adds a unique index adds its line here (or to `adapterGuarded`); the adapter
/// tests check that every unique index of the schema is listed in one of the two.
enum UniqueIndexMap {
    static let constraints: [String: UniqueConstraint] = [
        "organizations.id": .primaryKey,
        "organizations.slug": .organizationSlug,
        "users.id": .primaryKey,
        "users.organization_id, users.email": .userEmail,
        "agent_profiles.user_id": .agentProfile,
        "departments.id": .primaryKey,
        "departments.organization_id, departments.name": .departmentName,
        "tickets.id": .primaryKey,
        "idempotency_keys.organization_id, idempotency_keys.user_id, idempotency_keys.key": .idempotencyKey,
        "messages.id": .primaryKey,
        "audit_events.id": .primaryKey,
        "refresh_tokens.id": .primaryKey,
        "refresh_tokens.digest": .refreshTokenDigest,
        "jobs.id": .primaryKey,
        // MARK: SLA engine
        "sla_policies.organization_id, sla_policies.id": .primaryKey,
        "business_hours.organization_id, business_hours.id": .primaryKey,
        "ticket_sla.ticket_id": .primaryKey,

        // MARK: attachments
        "attachments.id": .primaryKey,

        // MARK: routing policy
        "availability_changes.id": .primaryKey,
    ]

    /// Unique indexes that callers cannot violate because the adapter itself fills them (ticket
    /// numbers, counters, the rows that mirror an entity's sets). A violation of one is an adapter
    /// fault and surfaces as `.unavailable`, never as a caller's duplicate.
    static let adapterGuarded: Set<String> = [
        "tickets.organization_id, tickets.number",
        "ticket_counters.organization_id",
        "ticket_tags.ticket_id, ticket_tags.tag",
        "ticket_participants.ticket_id, ticket_participants.user_id",
        "agent_departments.user_id, agent_departments.department_id",
        // MARK: routing
        // Cursors are inserted with ON CONFLICT DO NOTHING; a taken pool is a version conflict.
        "routing_cursors.organization_id, routing_cursors.department_key",
    ]

    /// The constraint named by an SQLite unique-violation message, if it is one of ours.
    static func constraint(forMessage message: String) -> UniqueConstraint? {
        let prefix = "UNIQUE constraint failed: "
        guard message.hasPrefix(prefix) else { return nil }
        return constraints[String(message.dropFirst(prefix.count))]
    }
}
