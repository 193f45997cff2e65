import Domain
import Foundation

/// The tables bulk loading copies into, and how one entity becomes one COPY row of each. The columns
/// and encodings are those of the row writers a commit uses (`TicketRow`, `MessageRow` …), so loaded
/// rows read back through the same queries; JSON comes from the batch's one `BulkJSON`.
enum BulkCopy {
    struct Table: Sendable {
        let name: String
        let columns: [String]
    }

    /// About this many bytes go to the server per COPY data message.
    static let chunkBytes = 1 << 20

    /// The unique constraint on ticket numbers, which a commit never violates but a load may.
    static let numberConstraint = "tickets_organization_number_key"

    static let users = Table(name: "users", columns: [
        "id", "organization_id", "email", "name", "phone", "role", "password_hash", "is_active", "created_at", "updated_at", "version",
    ])

    static func write(_ row: inout CopyText, _ json: BulkJSON, _ user: User) throws {
        row.uuid(user.id.uuid)
        row.uuid(user.organizationID.uuid)
        row.text(user.email.value)
        row.text(user.name)
        row.text(user.phone)
        row.text(user.role.rawValue)
        row.text(user.passwordHash)
        row.bool(user.isActive)
        row.timestamp(user.createdAt)
        row.timestamp(user.updatedAt)
        row.integer(user.version)
        row.endRow()
    }

    static let tickets = Table(name: "tickets", columns: [
        "id", "organization_id", "number", "customer_id", "contact_name", "contact_email", "contact_phone", "subject", "description",
        "channel", "category", "priority", "status", "tags", "custom_fields", "external_references", "journey_answers", "attachment_ids",
        "assignee_id", "department_id", "tier", "required_skills", "language", "participant_ids", "escalations", "resolution", "rating",
        "merged_into_id", "linked_ticket_ids", "first_response_at", "closed_at", "reopen_count", "created_at", "updated_at", "version",
    ])

    static func write(_ row: inout CopyText, _ json: BulkJSON, _ t: Ticket) throws {
        row.uuid(t.id.uuid)
        row.uuid(t.organizationID.uuid)
        row.integer(t.number.value)
        row.uuid(t.customerID.uuid)
        row.text(t.contact.name)
        row.text(t.contact.email?.value)
        row.text(t.contact.phone)
        row.text(t.subject)
        row.text(t.description)
        row.text(t.channel.rawValue)
        row.text(t.category)
        row.integer(t.priority.rank)
        row.text(t.status.rawValue)
        row.textArray(t.tags)
        row.text(t.customFields.isEmpty ? "{}" : try json.encode(t.customFields))
        row.text(try json.list(t.references))
        row.text(try t.journeyAnswers.map { try json.encode($0) })
        row.uuidArray(t.attachmentIDs.map(\.uuid))
        row.uuid(t.assigneeID?.uuid)
        row.uuid(t.departmentID?.uuid)
        row.integer(t.tier)
        row.textArray(t.requiredSkills.sorted())
        row.text(t.language)
        row.uuidArray(UserID.sortedUUIDs(t.participantIDs))
        row.text(try json.list(t.escalations))
        row.text(try t.resolution.map { try json.encode($0) })
        row.text(try t.rating.map { try json.encode($0) })
        row.uuid(t.mergedIntoID?.uuid)
        row.uuidArray(t.linkedTicketIDs.map(\.uuid))
        row.timestamp(t.firstResponseAt)
        row.timestamp(t.closedAt)
        row.integer(t.reopenCount)
        row.timestamp(t.createdAt)
        row.timestamp(t.updatedAt)
        row.integer(t.version)
        row.endRow()
    }

    static let messages = Table(name: "messages", columns: [
        "id", "organization_id", "ticket_id", "author_id", "kind", "body", "is_internal", "attachment_ids", "created_at",
    ])

    static func write(_ row: inout CopyText, _ json: BulkJSON, _ message: Message) throws {
        row.uuid(message.id.uuid)
        row.uuid(message.organizationID.uuid)
        row.uuid(message.ticketID.uuid)
        row.uuid(message.authorID?.uuid)
        row.text(message.kind.rawValue)
        row.text(message.body)
        row.bool(message.isInternal)
        row.uuidArray(message.attachmentIDs.map(\.uuid))
        row.timestamp(message.createdAt)
        row.endRow()
    }

    /// `seq` is left to its identity: copied rows draw it in the order they are sent.
    static let auditEvents = Table(name: "audit_events", columns: [
        "id", "organization_id", "ticket_id", "actor_id", "kind", "changes", "note", "at",
    ])

    static func write(_ row: inout CopyText, _ json: BulkJSON, _ event: AuditEvent) throws {
        row.uuid(event.id.uuid)
        row.uuid(event.organizationID.uuid)
        row.uuid(event.ticketID.uuid)
        row.uuid(event.actorID?.uuid)
        row.text(event.kind.rawValue)
        row.text(json.changes(event.changes))
        row.text(event.note)
        row.timestamp(event.at)
        row.endRow()
    }

    static let ticketSLAs = Table(name: "ticket_sla", columns: [
        "ticket_id", "organization_id", "policy_id", "timeline", "assignee_id", "department_id", "ticket_created_at",
        "first_response_due_at", "resolution_due_at", "next_check_at", "reported", "version", "verdicts",
    ])

    static func write(_ row: inout CopyText, _ json: BulkJSON, _ record: TicketSLA) throws {
        row.uuid(record.ticketID.uuid)
        row.uuid(record.organizationID.uuid)
        row.uuid(record.policyID?.uuid)
        row.text(json.timeline(record.timeline))
        row.uuid(record.assigneeID?.uuid)
        row.uuid(record.departmentID?.uuid)
        row.timestamp(record.ticketCreatedAt)
        row.timestamp(record.firstResponseDueAt)
        row.timestamp(record.resolutionDueAt)
        row.timestamp(record.nextCheckAt)
        row.text(json.crossings(record.reported))
        row.integer(record.version)
        row.text(json.verdicts(record.verdicts))
        row.endRow()
    }
}
