import Domain
import GRDB

/// A row of `audit_events`, mapped to and from `AuditEvent`. Rows are only ever appended.
enum AuditEventRow {
    static let selectSQL = "SELECT id, organization_id, ticket_id, actor_id, kind, changes, note, at FROM audit_events"

    static func insert(_ db: Database, _ event: AuditEvent) throws {
        try db.run(
            sql: """
                INSERT INTO audit_events (id, organization_id, ticket_id, actor_id, kind, changes, note, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                event.id.description, event.organizationID.description, event.ticketID.description,
                event.actorID?.description, event.kind.rawValue, BulkJSON.changes(event.changes), event.note,
                event.at.millisecondsSince1970,
            ])
    }

    static func event(from row: Row) throws -> AuditEvent {
        AuditEvent(
            id: try row.id("id"),
            organizationID: try row.id("organization_id"),
            ticketID: try row.id("ticket_id"),
            actorID: try row.optionalID("actor_id"),
            kind: try row.enumeration("kind"),
            changes: try row.json("changes"),
            note: try row.optionalText("note"),
            at: try row.date("at"))
    }
}
