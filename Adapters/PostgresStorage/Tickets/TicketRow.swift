import Domain
import PostgresNIO

/// A row of `tickets`, mapped to and from `Ticket`.
struct TicketRow {
    static let columns = """
        id, organization_id, number, customer_id, contact_name, contact_email, contact_phone, subject, description,
        channel, category, priority, status, tags, custom_fields, external_references, journey_answers, attachment_ids,
        assignee_id, department_id, tier, required_skills, language, participant_ids, escalations, resolution, rating,
        merged_into_id, linked_ticket_ids, first_response_at, closed_at, reopen_count, created_at, updated_at, version
        """

    static let selectSQL = "SELECT \(columns) FROM tickets"

    let ticket: Ticket
    let customFields: JSONB
    let references: JSONB
    let journeyAnswers: JSONB?
    let escalations: JSONB
    let resolution: JSONB?
    let rating: JSONB?

    init(_ ticket: Ticket) throws {
        self.ticket = ticket
        customFields = try JSONColumn.encode(ticket.customFields)
        references = try JSONColumn.encode(ticket.references)
        journeyAnswers = try JSONColumn.encode(optional: ticket.journeyAnswers)
        escalations = try JSONColumn.encode(ticket.escalations)
        resolution = try JSONColumn.encode(optional: ticket.resolution)
        rating = try JSONColumn.encode(optional: ticket.rating)
    }

    /// Allocates the organization's next number and inserts the ticket under it, in one statement: the
    /// counter row stays locked until the transaction ends, so concurrent creators (in any process)
    /// take numbers one after the other, in commit order, and a rolled-back unit gives its number back.
    /// Returns the number, or `nil` when the organization does not exist (it has no counter).
    func insert(_ transaction: Transaction) async throws -> TicketNumber? {
        let t = ticket
        let rows = try await transaction.rows("""
            WITH counter AS (
                UPDATE ticket_counters SET last_number = last_number + 1
                WHERE organization_id = \(t.organizationID.uuid)
                RETURNING last_number
            )
            INSERT INTO tickets (\(unescaped: Self.columns))
            SELECT \(t.id.uuid), \(t.organizationID.uuid), counter.last_number, \(t.customerID.uuid), \(t.contact.name),
                \(t.contact.email?.value), \(t.contact.phone), \(t.subject), \(t.description), \(t.channel.rawValue), \(t.category),
                \(t.priority.rank), \(t.status.rawValue), \(t.tags), \(customFields), \(references), \(journeyAnswers),
                \(t.attachmentIDs.map(\.uuid)), \(t.assigneeID?.uuid), \(t.departmentID?.uuid), \(t.tier), \(t.requiredSkills.sorted()),
                \(t.language), \(UserID.sortedUUIDs(t.participantIDs)), \(escalations), \(resolution), \(rating), \(t.mergedIntoID?.uuid),
                \(t.linkedTicketIDs.map(\.uuid)), \(t.firstResponseAt.map(Timestamp.init)), \(t.closedAt.map(Timestamp.init)),
                \(t.reopenCount), \(Timestamp(t.createdAt)), \(Timestamp(t.updatedAt)), \(t.version)
            FROM counter
            RETURNING number
            """)
        return try rows.first.map { TicketNumber(try $0.integer("number")) }
    }

    /// Applies the update if the stored version is `expectedVersion`; reports whether a row changed.
    /// The number is never rewritten: storage allocated it.
    func update(_ transaction: Transaction, expectedVersion: Int) async throws -> Bool {
        let t = ticket
        return try await transaction.affectsRow("""
            UPDATE tickets SET customer_id = \(t.customerID.uuid), contact_name = \(t.contact.name),
                contact_email = \(t.contact.email?.value), contact_phone = \(t.contact.phone), subject = \(t.subject),
                description = \(t.description), channel = \(t.channel.rawValue), category = \(t.category), priority = \(t.priority.rank),
                status = \(t.status.rawValue), tags = \(t.tags), custom_fields = \(customFields), external_references = \(references),
                journey_answers = \(journeyAnswers), attachment_ids = \(t.attachmentIDs.map(\.uuid)), assignee_id = \(t.assigneeID?.uuid),
                department_id = \(t.departmentID?.uuid), tier = \(t.tier), required_skills = \(t.requiredSkills.sorted()),
                language = \(t.language), participant_ids = \(UserID.sortedUUIDs(t.participantIDs)), escalations = \(escalations),
                resolution = \(resolution), rating = \(rating), merged_into_id = \(t.mergedIntoID?.uuid),
                linked_ticket_ids = \(t.linkedTicketIDs.map(\.uuid)), first_response_at = \(t.firstResponseAt.map(Timestamp.init)),
                closed_at = \(t.closedAt.map(Timestamp.init)), reopen_count = \(t.reopenCount), updated_at = \(Timestamp(t.updatedAt)),
                version = \(t.version)
            WHERE id = \(t.id.uuid) AND organization_id = \(t.organizationID.uuid) AND version = \(expectedVersion)
            RETURNING 1
            """)
    }

    static func ticket(from row: RowReader) throws -> Ticket {
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
            attachmentIDs: try row.ids("attachment_ids"),
            assigneeID: try row.optionalID("assignee_id"),
            departmentID: try row.optionalID("department_id"),
            tier: try row.integer("tier"),
            requiredSkills: Set(try row.value("required_skills", as: [String].self)),
            language: try row.optionalText("language"),
            participantIDs: Set(try row.ids("participant_ids")),
            escalations: try row.json("escalations"),
            resolution: try row.optionalJSON("resolution"),
            rating: try row.optionalJSON("rating"),
            mergedIntoID: try row.optionalID("merged_into_id"),
            linkedTicketIDs: try row.ids("linked_ticket_ids"),
            firstResponseAt: try row.optionalDate("first_response_at"),
            closedAt: try row.optionalDate("closed_at"),
            reopenCount: try row.integer("reopen_count"),
            createdAt: try row.date("created_at"),
            updatedAt: try row.date("updated_at"),
            version: try row.integer("version"))
        // Assigned after init, which would normalise them: the list reads back exactly as written.
        ticket.tags = try row.value("tags", as: [String].self)
        return ticket
    }
}
