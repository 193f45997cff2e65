import Domain
import PostgresNIO

/// A row of `audit_events`, mapped to and from `AuditEvent`. Rows are only ever appended.
enum AuditEventRow {
    static let selectSQL = "SELECT id, organization_id, ticket_id, actor_id, kind, changes, note, at FROM audit_events"

    /// Appends the event if its ticket exists in its organization; reports whether it did. The ticket
    /// row is locked (as an update would) before `seq` is drawn, so that per ticket, `seq` order is
    /// commit order even across processes.
    static func insert(_ transaction: Transaction, _ event: AuditEvent) async throws -> Bool {
        let changes = try JSONColumn.encode(event.changes)
        return try await transaction.affectsRow("""
            WITH ticket AS (
                SELECT id, organization_id FROM tickets
                WHERE id = \(event.ticketID.uuid) AND organization_id = \(event.organizationID.uuid)
                FOR NO KEY UPDATE
            )
            INSERT INTO audit_events (id, organization_id, ticket_id, actor_id, kind, changes, note, at)
            SELECT \(event.id.uuid), organization_id, id, \(event.actorID?.uuid), \(event.kind.rawValue), \(changes), \(event.note),
                \(Timestamp(event.at))
            FROM ticket
            RETURNING 1
            """)
    }

    static func event(from row: RowReader) throws -> AuditEvent {
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
