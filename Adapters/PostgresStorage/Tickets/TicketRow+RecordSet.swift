import Domain
import Foundation

/// Tickets as records of a multi-row update (`UnitOfWorkWriter+Runs.swift`): the columns `update` writes, with
/// the same encodings, read by `jsonb_to_recordset`.
extension TicketRow {
    /// The record's column definitions (instants are milliseconds, see `RecordSetJSON`).
    static let recordColumns = """
        id uuid, organization_id uuid, expected_version integer, customer_id uuid, contact_name text, contact_email text,
        contact_phone text, subject text, description text, channel text, category text, priority integer, status text,
        tags text[], custom_fields jsonb, external_references jsonb, journey_answers jsonb, attachment_ids uuid[], assignee_id uuid,
        department_id uuid, tier integer, required_skills text[], language text, participant_ids uuid[], escalations jsonb,
        resolution jsonb, rating jsonb, merged_into_id uuid, linked_ticket_ids uuid[], first_response_at bigint, closed_at bigint,
        reopen_count integer, updated_at bigint, version integer
        """

    /// `SET` of the multi-row update from record `r`: every column `update` writes.
    static let recordAssignments = """
        customer_id = r.customer_id, contact_name = r.contact_name, contact_email = r.contact_email,
        contact_phone = r.contact_phone, subject = r.subject, description = r.description, channel = r.channel,
        category = r.category, priority = r.priority, status = r.status, tags = r.tags, custom_fields = r.custom_fields,
        external_references = r.external_references, journey_answers = r.journey_answers, attachment_ids = r.attachment_ids,
        assignee_id = r.assignee_id, department_id = r.department_id, tier = r.tier, required_skills = r.required_skills,
        language = r.language, participant_ids = r.participant_ids, escalations = r.escalations, resolution = r.resolution,
        rating = r.rating, merged_into_id = r.merged_into_id, linked_ticket_ids = r.linked_ticket_ids,
        first_response_at = \(RecordSetJSON.instant("r.first_response_at")), closed_at = \(RecordSetJSON.instant("r.closed_at")),
        reopen_count = r.reopen_count, updated_at = \(RecordSetJSON.instant("r.updated_at")), version = r.version
        """

    /// Appends `ticket` as one record; empty lists and objects are written without the encoder.
    static func record(_ t: Ticket, expectedVersion: Int, json: BulkJSON, into records: inout RecordSetJSON) throws {
        records.beginRecord()
        records.uuid("id", t.id.uuid)
        records.uuid("organization_id", t.organizationID.uuid)
        records.integer("expected_version", expectedVersion)
        records.uuid("customer_id", t.customerID.uuid)
        records.string("contact_name", t.contact.name)
        records.string("contact_email", t.contact.email?.value)
        records.string("contact_phone", t.contact.phone)
        records.string("subject", t.subject)
        records.string("description", t.description)
        records.string("channel", t.channel.rawValue)
        records.string("category", t.category)
        records.integer("priority", t.priority.rank)
        records.string("status", t.status.rawValue)
        records.strings("tags", t.tags)
        records.json("custom_fields", t.customFields.isEmpty ? "{}" : try json.encode(t.customFields))
        records.json("external_references", try json.list(t.references))
        records.json("journey_answers", try t.journeyAnswers.map { try json.encode($0) })
        records.uuids("attachment_ids", t.attachmentIDs.map(\.uuid))
        records.uuid("assignee_id", t.assigneeID?.uuid)
        records.uuid("department_id", t.departmentID?.uuid)
        records.integer("tier", t.tier)
        records.strings("required_skills", t.requiredSkills.sorted())
        records.string("language", t.language)
        records.uuids("participant_ids", UserID.sortedUUIDs(t.participantIDs))
        records.json("escalations", try json.list(t.escalations))
        records.json("resolution", try t.resolution.map { try json.encode($0) })
        records.json("rating", try t.rating.map { try json.encode($0) })
        records.uuid("merged_into_id", t.mergedIntoID?.uuid)
        records.uuids("linked_ticket_ids", t.linkedTicketIDs.map(\.uuid))
        records.date("first_response_at", t.firstResponseAt)
        records.date("closed_at", t.closedAt)
        records.integer("reopen_count", t.reopenCount)
        records.date("updated_at", t.updatedAt)
        records.integer("version", t.version)
        records.endRecord()
    }
}
