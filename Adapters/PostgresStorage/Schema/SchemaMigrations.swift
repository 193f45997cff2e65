/// The versioned schema: every migration in the order it must run. Applied migrations are recorded in
/// `schema_migrations`, so running the list again applies only what is new.
///
/// A later change adds a migration at the end (e.g. `v3_search`) made of one list of statements per
/// aggregate it touches (`TicketSchema.v3`); shipped migrations are never edited.
enum SchemaMigrations {
    static let all: [Migration] = [
        Migration(
            name: "v1_core",
            statements: OrganizationSchema.v1 + UserSchema.v1 + DepartmentSchema.v1 + AgentSchema.v1 + TicketSchema.v1
                + MessageSchema.v1 + AuditSchema.v1
        ),
        Migration(name: "v2_sessions_and_jobs", statements: SessionSchema.v2 + JobSchema.v2),
        Migration(name: "v3_attachments", statements: AttachmentSchema.v3),
        Migration(name: "v4_sla", statements: SLASchema.v4),
        Migration(name: "v5_routing", statements: RoutingSchema.v5),
        Migration(name: "v6_realtime", statements: EventOutboxSchema.v6),
        Migration(name: "v7_routing_policy", statements: DepartmentSchema.v7 + AvailabilitySchema.v7),
        Migration(name: "v8_sla_verdicts", statements: SLASchema.v8),
    ]

    static var names: [String] { all.map(\.name) }
}
