import Domain
import Foundation
import PostgresNIO

/// A row of `ticket_sla`, mapped to and from `TicketSLA`, and the statements that change one.
enum TicketSLARow {
    static let columns = """
        ticket_id, organization_id, policy_id, timeline, assignee_id, department_id, ticket_created_at,
        first_response_due_at, resolution_due_at, next_check_at, reported, version, verdicts
        """
    static let selectSQL = "SELECT \(columns) FROM ticket_sla"

    /// Stores the record if its ticket exists in its organization; reports whether it did.
    static func insert(_ transaction: Transaction, _ record: TicketSLA) async throws -> Bool {
        try await transaction.affectsRow("""
            INSERT INTO ticket_sla (\(unescaped: columns))
            SELECT id, organization_id, \(record.policyID?.uuid), \(try JSONColumn.encode(record.timeline)), \(record.assigneeID?.uuid),
                \(record.departmentID?.uuid), \(Timestamp(record.ticketCreatedAt)), \(record.firstResponseDueAt.map(Timestamp.init)),
                \(record.resolutionDueAt.map(Timestamp.init)), \(record.nextCheckAt.map(Timestamp.init)),
                \(try JSONColumn.encode(record.reported)), \(record.version), \(try JSONColumn.encode(record.verdicts))
            FROM tickets WHERE id = \(record.ticketID.uuid) AND organization_id = \(record.organizationID.uuid)
            RETURNING 1
            """)
    }

    /// Applies the update only over `expectedVersion`; reports whether a row changed.
    static func update(_ transaction: Transaction, _ record: TicketSLA, expectedVersion: Int) async throws -> Bool {
        try await transaction.affectsRow("""
            UPDATE ticket_sla SET policy_id = \(record.policyID?.uuid), timeline = \(try JSONColumn.encode(record.timeline)),
                assignee_id = \(record.assigneeID?.uuid), department_id = \(record.departmentID?.uuid),
                first_response_due_at = \(record.firstResponseDueAt.map(Timestamp.init)),
                resolution_due_at = \(record.resolutionDueAt.map(Timestamp.init)), next_check_at = \(record.nextCheckAt.map(Timestamp.init)),
                reported = \(try JSONColumn.encode(record.reported)), version = \(record.version),
                verdicts = \(try JSONColumn.encode(record.verdicts))
            WHERE ticket_id = \(record.ticketID.uuid) AND organization_id = \(record.organizationID.uuid) AND version = \(expectedVersion)
            RETURNING 1
            """)
    }

    static func record(from row: RowReader) throws -> TicketSLA {
        TicketSLA(
            ticketID: try row.id("ticket_id"), organizationID: try row.id("organization_id"),
            policyID: try row.optionalID("policy_id"), timeline: try row.json("timeline"),
            assigneeID: try row.optionalID("assignee_id"), departmentID: try row.optionalID("department_id"),
            firstResponseDueAt: try row.optionalDate("first_response_due_at"),
            resolutionDueAt: try row.optionalDate("resolution_due_at"), nextCheckAt: try row.optionalDate("next_check_at"),
            reported: try row.json("reported"), verdicts: try row.json("verdicts"), version: try row.integer("version"))
    }
}
