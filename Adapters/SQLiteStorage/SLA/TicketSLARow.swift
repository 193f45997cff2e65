import Domain
import Foundation
import GRDB

/// A row of `ticket_sla`, mapped to and from `TicketSLA`, and the statements that change one.
enum TicketSLARow {
    static let columns = """
        ticket_id, organization_id, policy_id, timeline, assignee_id, department_id, ticket_created_at,
        first_response_due_at, resolution_due_at, next_check_at, reported, version, verdicts
        """
    static let selectSQL = "SELECT \(columns) FROM ticket_sla"

    /// Served by `ticket_sla_due` in index order. Arguments: now (milliseconds), limit.
    static let dueSQL = "\(selectSQL) WHERE next_check_at IS NOT NULL AND next_check_at <= ? ORDER BY next_check_at, ticket_id LIMIT ?"

    static func insert(_ db: Database, _ record: TicketSLA) throws {
        try db.run(sql: "INSERT INTO ticket_sla (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", arguments: try arguments(record))
    }

    /// Applies the update only over `expectedVersion`; reports whether a row changed.
    static func update(_ db: Database, _ record: TicketSLA, expectedVersion: Int) throws -> Bool {
        try db.run(
            sql: """
                UPDATE ticket_sla SET policy_id = ?, timeline = ?, assignee_id = ?, department_id = ?,
                    first_response_due_at = ?, resolution_due_at = ?, next_check_at = ?, reported = ?, version = ?, verdicts = ?
                WHERE ticket_id = ? AND organization_id = ? AND version = ?
                """,
            arguments: [
                record.policyID?.description, BulkJSON.timeline(record.timeline), record.assigneeID?.description,
                record.departmentID?.description, record.firstResponseDueAt?.millisecondsSince1970,
                record.resolutionDueAt?.millisecondsSince1970, record.nextCheckAt?.millisecondsSince1970,
                BulkJSON.crossings(record.reported), record.version, BulkJSON.verdicts(record.verdicts), record.ticketID.description,
                record.organizationID.description, expectedVersion,
            ])
        return db.changesCount > 0
    }

    private static func arguments(_ record: TicketSLA) throws -> StatementArguments {
        [
            record.ticketID.description, record.organizationID.description, record.policyID?.description,
            BulkJSON.timeline(record.timeline), record.assigneeID?.description, record.departmentID?.description,
            record.ticketCreatedAt.millisecondsSince1970, record.firstResponseDueAt?.millisecondsSince1970,
            record.resolutionDueAt?.millisecondsSince1970, record.nextCheckAt?.millisecondsSince1970,
            BulkJSON.crossings(record.reported), record.version, BulkJSON.verdicts(record.verdicts),
        ]
    }

    static func record(from row: Row) throws -> TicketSLA {
        TicketSLA(
            ticketID: try row.id("ticket_id"), organizationID: try row.id("organization_id"),
            policyID: try row.optionalID("policy_id"), timeline: try row.json("timeline"),
            assigneeID: try row.optionalID("assignee_id"), departmentID: try row.optionalID("department_id"),
            firstResponseDueAt: try row.optionalDate("first_response_due_at"),
            resolutionDueAt: try row.optionalDate("resolution_due_at"), nextCheckAt: try row.optionalDate("next_check_at"),
            reported: try row.json("reported"), verdicts: try row.json("verdicts"), version: try row.integer("version"))
    }
}
