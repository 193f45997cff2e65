import Domain
import PostgresNIO

/// A row of `availability_changes`, mapped to and from `AvailabilityChange`. Rows are only ever appended.
enum AvailabilityChangeRow {
    static let selectSQL = """
        SELECT id, organization_id, agent_id, actor_id, from_status, to_status, returned_ticket_ids, at FROM availability_changes
        """

    /// Appends the record if the agent has a profile in its organization; reports whether it did.
    static func insert(_ transaction: Transaction, _ record: AvailabilityChange) async throws -> Bool {
        let returned = try JSONColumn.encode(record.returnedTicketIDs)
        return try await transaction.affectsRow("""
            INSERT INTO availability_changes (id, organization_id, agent_id, actor_id, from_status, to_status, returned_ticket_ids, at)
            SELECT \(record.id.uuid), organization_id, user_id, \(record.actorID?.uuid), \(record.before.rawValue), \(record.after.rawValue),
                \(returned), \(Timestamp(record.at))
            FROM agent_profiles WHERE user_id = \(record.agentID.uuid) AND organization_id = \(record.organizationID.uuid)
            RETURNING 1
            """)
    }

    static func record(from row: RowReader) throws -> AvailabilityChange {
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
