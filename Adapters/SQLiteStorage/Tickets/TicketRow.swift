import Domain
import GRDB

/// A row of `tickets` (plus its `ticket_tags` and `ticket_participants` rows), mapped to and from `Ticket`.
struct TicketRow {
    static let columns = """
        id, organization_id, number, customer_id, contact_name, contact_email, contact_phone, subject, description,
        channel, category, priority, status, tags, custom_fields, external_references, journey_answers, attachment_ids,
        assignee_id, department_id, tier, required_skills, language, participant_ids, escalations, resolution, rating,
        merged_into_id, linked_ticket_ids, first_response_at, closed_at, reopen_count, created_at, updated_at, version
        """

    static let selectSQL = "SELECT \(columns) FROM tickets"

    let ticket: Ticket
    var arguments: StatementArguments

    /// Lists, sets and empty values are written without the JSON encoder (`BulkJSON`), as bulk loading writes them.
    init(_ ticket: Ticket) throws {
        self.ticket = ticket
        arguments = [
            "id": ticket.id.description,
            "organization_id": ticket.organizationID.description,
            "number": ticket.number.value,
            "customer_id": ticket.customerID.description,
            "contact_name": ticket.contact.name,
            "contact_email": ticket.contact.email?.value,
            "contact_phone": ticket.contact.phone,
            "subject": ticket.subject,
            "description": ticket.description,
            "channel": ticket.channel.rawValue,
            "category": ticket.category,
            "priority": ticket.priority.rank,
            "status": ticket.status.rawValue,
            "tags": BulkJSON.strings(ticket.tags),
            "custom_fields": ticket.customFields.isEmpty ? "{}" : try JSONColumn.encode(ticket.customFields),
            "external_references": ticket.references.isEmpty ? "[]" : try JSONColumn.encode(ticket.references),
            "journey_answers": try JSONColumn.encode(optional: ticket.journeyAnswers),
            "attachment_ids": BulkJSON.ids(ticket.attachmentIDs.map(\.uuid)),
            "assignee_id": ticket.assigneeID?.description,
            "department_id": ticket.departmentID?.description,
            "tier": ticket.tier,
            "required_skills": BulkJSON.strings(ticket.requiredSkills.sorted()),
            "language": ticket.language,
            "participant_ids": BulkJSON.ids(ticket.participantIDs.sorted().map(\.uuid)),
            "escalations": ticket.escalations.isEmpty ? "[]" : try JSONColumn.encode(ticket.escalations),
            "resolution": try JSONColumn.encode(optional: ticket.resolution),
            "rating": try JSONColumn.encode(optional: ticket.rating),
            "merged_into_id": ticket.mergedIntoID?.description,
            "linked_ticket_ids": BulkJSON.ids(ticket.linkedTicketIDs.map(\.uuid)),
            "first_response_at": ticket.firstResponseAt?.millisecondsSince1970,
            "closed_at": ticket.closedAt?.millisecondsSince1970,
            "reopen_count": ticket.reopenCount,
            "created_at": ticket.createdAt.millisecondsSince1970,
            "updated_at": ticket.updatedAt.millisecondsSince1970,
            "version": ticket.version,
        ]
    }

    /// Inserts the ticket under `number`, which the caller allocated in the same transaction.
    func insert(_ db: Database, number: TicketNumber) throws {
        try db.run(
            sql: """
                INSERT INTO tickets (\(Self.columns))
                VALUES (:id, :organization_id, :number, :customer_id, :contact_name, :contact_email, :contact_phone,
                    :subject, :description, :channel, :category, :priority, :status, :tags, :custom_fields,
                    :external_references, :journey_answers, :attachment_ids, :assignee_id, :department_id, :tier,
                    :required_skills, :language, :participant_ids, :escalations, :resolution, :rating, :merged_into_id,
                    :linked_ticket_ids, :first_response_at, :closed_at, :reopen_count, :created_at, :updated_at, :version)
                """,
            arguments: arguments &+ ["number": number.value])
        try insertSearchRows(db)
    }

    /// Applies the update if the stored version is `expectedVersion`; reports whether a row changed.
    /// The number is never rewritten: storage allocated it.
    func update(_ db: Database, expectedVersion: Int) throws -> Bool {
        try db.run(
            sql: """
                UPDATE tickets SET customer_id = :customer_id, contact_name = :contact_name,
                    contact_email = :contact_email, contact_phone = :contact_phone, subject = :subject,
                    description = :description, channel = :channel, category = :category, priority = :priority,
                    status = :status, tags = :tags, custom_fields = :custom_fields,
                    external_references = :external_references, journey_answers = :journey_answers,
                    attachment_ids = :attachment_ids, assignee_id = :assignee_id, department_id = :department_id,
                    tier = :tier, required_skills = :required_skills, language = :language,
                    participant_ids = :participant_ids, escalations = :escalations, resolution = :resolution,
                    rating = :rating, merged_into_id = :merged_into_id, linked_ticket_ids = :linked_ticket_ids,
                    first_response_at = :first_response_at, closed_at = :closed_at, reopen_count = :reopen_count,
                    updated_at = :updated_at, version = :version
                WHERE id = :id AND organization_id = :organization_id AND version = :expected_version
                """,
            arguments: arguments + ["expected_version": expectedVersion])
        guard db.changesCount > 0 else { return false }
        let id = ticket.id.description
        try db.run(sql: "DELETE FROM ticket_tags WHERE ticket_id = ?", arguments: [id])
        try db.run(sql: "DELETE FROM ticket_participants WHERE ticket_id = ?", arguments: [id])
        try insertSearchRows(db)
        return true
    }

    /// The rows that let lists filter by tag and scope by participant with an index.
    private func insertSearchRows(_ db: Database) throws {
        let id = ticket.id.description
        for tag in ticket.tags {
            // OR IGNORE: `tags` is a list; a caller may have put the same tag in twice.
            try db.run(
                sql: "INSERT OR IGNORE INTO ticket_tags (ticket_id, tag, organization_id, ticket_created_at) VALUES (?, ?, ?, ?)",
                arguments: [id, tag, ticket.organizationID.description, ticket.createdAt.millisecondsSince1970])
        }
        for participant in ticket.participantIDs {
            try db.run(
                sql: "INSERT INTO ticket_participants (ticket_id, user_id) VALUES (?, ?)",
                arguments: [id, participant.description])
        }
    }

    static func ticket(from row: Row) throws -> Ticket {
        let rawPriority = try row.integer("priority")
        guard let priority = Priority(rank: rawPriority) else { throw CorruptRow(reason: "tickets.priority holds \(rawPriority)") }
        let contactEmail = try row.optionalText("contact_email")
        var ticket = Ticket(
            id: try row.id("id"),
            organizationID: try row.id("organization_id"),
            number: TicketNumber(try row.integer("number")),
            customerID: try row.id("customer_id"),
            contact: Contact(
                name: try row.text("contact_name"),
                email: try contactEmail.map { raw in
                    guard let email = EmailAddress(raw) else { throw CorruptRow(reason: "tickets.contact_email holds \(raw)") }
                    return email
                },
                phone: try row.optionalText("contact_phone")),
            subject: try row.text("subject"),
            description: try row.text("description"),
            channel: try row.enumeration("channel"),
            category: try row.text("category"),
            priority: priority,
            status: try row.enumeration("status"),
            customFields: try row.json("custom_fields"),
            references: try row.json("external_references"),
            journeyAnswers: try row.optionalJSON("journey_answers"),
            attachmentIDs: try row.json("attachment_ids"),
            assigneeID: try row.optionalID("assignee_id"),
            departmentID: try row.optionalID("department_id"),
            tier: try row.integer("tier"),
            requiredSkills: Set(try row.json("required_skills", as: [String].self)),
            language: try row.optionalText("language"),
            participantIDs: Set(try row.json("participant_ids", as: [UserID].self)),
            escalations: try row.json("escalations"),
            resolution: try row.optionalJSON("resolution"),
            rating: try row.optionalJSON("rating"),
            mergedIntoID: try row.optionalID("merged_into_id"),
            linkedTicketIDs: try row.json("linked_ticket_ids"),
            firstResponseAt: try row.optionalDate("first_response_at"),
            closedAt: try row.optionalDate("closed_at"),
            reopenCount: try row.integer("reopen_count"),
            createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"),
            version: try row.integer("version"))
        // Assigned after init, which would normalise them: the list reads back exactly as written.
        ticket.tags = try row.json("tags")
        return ticket
    }
}
