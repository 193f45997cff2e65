import Domain
import Foundation

/// SLA records as records of a multi-row insert or update (`UnitOfWorkWriter+Runs.swift`), with the encodings of
/// `insert` and `update`, read by `jsonb_to_recordset`.
extension TicketSLARow {
    /// The record's column definitions (instants are milliseconds, see `RecordSetJSON`; `n` is the run's order).
    static let recordColumns = """
        n integer, ticket_id uuid, organization_id uuid, expected_version integer, policy_id uuid, timeline jsonb, assignee_id uuid,
        department_id uuid, ticket_created_at bigint, first_response_due_at bigint, resolution_due_at bigint, next_check_at bigint,
        reported jsonb, version integer, verdicts jsonb
        """

    static func record(_ record: TicketSLA, index: Int, expectedVersion: Int?, json: BulkJSON, into records: inout RecordSetJSON) {
        records.beginRecord()
        records.integer("n", index)
        records.uuid("ticket_id", record.ticketID.uuid)
        records.uuid("organization_id", record.organizationID.uuid)
        records.integer("expected_version", expectedVersion)
        records.uuid("policy_id", record.policyID?.uuid)
        records.json("timeline", json.timeline(record.timeline))
        records.uuid("assignee_id", record.assigneeID?.uuid)
        records.uuid("department_id", record.departmentID?.uuid)
        records.date("ticket_created_at", record.ticketCreatedAt)
        records.date("first_response_due_at", record.firstResponseDueAt)
        records.date("resolution_due_at", record.resolutionDueAt)
        records.date("next_check_at", record.nextCheckAt)
        records.json("reported", json.crossings(record.reported))
        records.integer("version", record.version)
        records.json("verdicts", json.verdicts(record.verdicts))
        records.endRecord()
    }
}
