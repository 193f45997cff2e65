import Domain

/// Which `UniqueConstraint` each unique constraint of the schema enforces, by the constraint name
/// PostgreSQL reports in a unique violation. The migrations name every constraint explicitly.
/// A migration that adds a unique constraint adds its line here (or to `adapterGuarded`); the adapter
/// tests check that every unique index of the schema is listed in one of the two.
enum UniqueConstraintMap {
    static let constraints: [String: UniqueConstraint] = [
        "organizations_pkey": .primaryKey,
        "organizations_slug_key": .organizationSlug,
        "users_pkey": .primaryKey,
        "users_organization_email_key": .userEmail,
        "agent_profiles_pkey": .agentProfile,
        "departments_pkey": .primaryKey,
        "departments_organization_name_key": .departmentName,
        "tickets_pkey": .primaryKey,
        "idempotency_keys_pkey": .idempotencyKey,
        "messages_pkey": .primaryKey,
        "audit_events_pkey": .primaryKey,
        "refresh_tokens_pkey": .primaryKey,
        "refresh_tokens_digest_key": .refreshTokenDigest,
        "jobs_pkey": .primaryKey,
        // MARK: SLA engine
        "sla_policies_pkey": .primaryKey,
        "business_hours_pkey": .primaryKey,
        "ticket_sla_pkey": .primaryKey,

        // MARK: attachments
        "attachments_pkey": .primaryKey,

        // MARK: routing policy
        "availability_changes_pkey": .primaryKey,
    ]

    /// Unique constraints that callers cannot violate because the adapter itself fills them (ticket
    /// numbers, counters, commit order, migration names). A violation of one is an adapter fault and
    /// surfaces as `.unavailable`, never as a caller's duplicate.
    static let adapterGuarded: Set<String> = [
        // Event outbox ids come from its bigserial, never from callers: they cannot collide.
        "event_outbox_pkey",
        "tickets_organization_number_key",
        "ticket_counters_pkey",
        "audit_events_seq_key",
        "schema_migrations_pkey",
        // MARK: routing
        // Cursors are inserted with ON CONFLICT DO NOTHING; a taken pool is a version conflict.
        "routing_cursors_pkey",
    ]
}
