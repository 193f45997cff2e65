import Domain
import GRDB

/// A row of `availability_changes`, mapped to and from `AvailabilityChange`. Rows are only ever appended.
enum AvailabilityChangeRow {
    static let selectSQL = """
        SELECT id, organization_id, agent_id, actor_id, from_status, to_status, returned_ticket_ids, at FROM availability_changes
        """

    static func insert(_ db: Database, _ record: AvailabilityChange) throws {
        try db.run(
            sql: """
                INSERT INTO availability_changes (id, organization_id, agent_id, actor_id, from_status, to_status, returned_ticket_ids, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                record.id.description, record.organizationID.description, record.agentID.description, record.actorID?.description,
                record.before.rawValue, record.after.rawValue, try JSONColumn.encode(record.returnedTicketIDs),
                record.at.millisecondsSince1970,
            ])
    }

    static func record(from row: Row) throws -> AvailabilityChange {
        AvailabilityChange(
            id: try row.id("id"),
            organizationID: try row.id("organization_id"),
            agentID: try row.id("agent_id"),
            actorID: try row.optionalID("actor_id"),
            before: try row.enumeration("from_status"),
            after: try row.enumeration("to_status"),
            returnedTicketIDs: try row.json("returned_ticket_ids"),
            at: try row.date("at"))
    }
}
