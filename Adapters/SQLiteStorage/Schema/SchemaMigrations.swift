import GRDB

/// The versioned schema: every migration in the order it must run. Applied migrations are recorded
/// by GRDB in `grdb_migrations`, so running the list again applies only what is new.
///
/// A later change adds a migration at the end (e.g. `v2_search`) whose body calls one function per
/// aggregate it touches (`TicketSchema.v2`); shipped migrations are never edited.
enum SchemaMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1_core") { db in
            try OrganizationSchema.v1(db)
            try UserSchema.v1(db)
            try DepartmentSchema.v1(db)
            try AgentSchema.v1(db)
            try TicketSchema.v1(db)
            try MessageSchema.v1(db)
            try AuditSchema.v1(db)
        }
        migrator.registerMigration("v2_sessions_jobs") { db in
            try SessionSchema.v2(db)
            try JobSchema.v2(db)
        }
        migrator.registerMigration("v3_attachments") { db in
            try AttachmentSchema.v3(db)
        }
        migrator.registerMigration("v4_sla") { db in
            try SLASchema.v4(db)
        }
        migrator.registerMigration("v5_routing") { db in
            try RoutingSchema.v5(db)
        }
        migrator.registerMigration("v6_realtime") { db in
            try EventOutboxSchema.v6(db)
        }
        migrator.registerMigration("v7_routing_policy") { db in
            try DepartmentSchema.v7(db)
            try AvailabilitySchema.v7(db)
        }
        migrator.registerMigration("v8_sla_verdicts") { db in
            try SLASchema.v8(db)
        }
        migrator.registerMigration("v9_tag_list_order") { db in
            try TicketSchema.v9(db)
        }
        return migrator
    }
}
