import Domain
import GRDB

/// The rows bulk loading writes, with positional arguments to the connection's cached statements and
/// JSON from one `BulkJSON` per batch. Columns and encodings are those of the commit's row writers
/// (`TicketRow`, `MessageRow`, `AuditEventRow`, `TicketSLARow`), so loaded rows read back through the
/// same queries; only the per-row costs of a commit (a fresh JSON encoder per column, named arguments)
/// are left out.
struct BulkRows {
    let db: Database
    let json = BulkJSON()

    private static let ticketSQL = """
        INSERT INTO tickets (\(TicketRow.columns))
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    private static let tagSQL = "INSERT OR IGNORE INTO ticket_tags (ticket_id, tag, organization_id) VALUES (?, ?, ?)"
    private static let participantSQL = "INSERT INTO ticket_participants (ticket_id, user_id) VALUES (?, ?)"
    private static let messageSQL = """
        INSERT INTO messages (id, organization_id, ticket_id, author_id, kind, body, is_internal, attachment_ids, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    private static let auditSQL = """
        INSERT INTO audit_events (id, organization_id, ticket_id, actor_id, kind, changes, note, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """
    private static let slaSQL = "INSERT INTO ticket_sla (\(TicketSLARow.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

    /// Inserts the ticket under the number it carries, with its tag and participant rows.
    func insert(_ t: Ticket) throws {
        let id = t.id.description, organization = t.organizationID.description
        let tags = try json.list(t.tags), customFields = t.customFields.isEmpty ? "{}" : try json.encode(t.customFields)
        let references = try json.list(t.references), journeyAnswers = try t.journeyAnswers.map { try json.encode($0) }
        let attachments = try json.list(t.attachmentIDs), skills = try json.list(t.requiredSkills.sorted())
        let participantIDs = try json.list(t.participantIDs.sorted()), escalations = try json.list(t.escalations)
        let resolution = try t.resolution.map { try json.encode($0) }, rating = try t.rating.map { try json.encode($0) }
        let linked = try json.list(t.linkedTicketIDs)
        var arguments: StatementArguments = [
            id, organization, t.number.value, t.customerID.description, t.contact.name, t.contact.email?.value, t.contact.phone,
            t.subject, t.description, t.channel.rawValue, t.category, t.priority.rank, t.status.rawValue,
        ]
        arguments += [tags, customFields, references, journeyAnswers, attachments, t.assigneeID?.description, t.departmentID?.description, t.tier]
        arguments += [skills, t.language, participantIDs, escalations, resolution, rating, t.mergedIntoID?.description, linked]
        arguments += [
            t.firstResponseAt?.millisecondsSince1970, t.closedAt?.millisecondsSince1970, t.reopenCount,
            t.createdAt.millisecondsSince1970, t.updatedAt.millisecondsSince1970, t.version,
        ]
        try db.cachedStatement(sql: Self.ticketSQL).execute(arguments: arguments)
        if !t.tags.isEmpty {
            let statement = try db.cachedStatement(sql: Self.tagSQL)
            for tag in t.tags { try statement.execute(arguments: [id, tag, organization]) }
        }
        let participants = try db.cachedStatement(sql: Self.participantSQL)
        for participant in t.participantIDs { try participants.execute(arguments: [id, participant.description]) }
    }

    func insert(_ m: Message) throws {
        try db.cachedStatement(sql: Self.messageSQL).execute(arguments: try [
            m.id.description, m.organizationID.description, m.ticketID.description, m.authorID?.description, m.kind.rawValue,
            m.body, m.isInternal, json.list(m.attachmentIDs), m.createdAt.millisecondsSince1970,
        ])
    }

    func insert(_ e: AuditEvent) throws {
        try db.cachedStatement(sql: Self.auditSQL).execute(arguments: [
            e.id.description, e.organizationID.description, e.ticketID.description, e.actorID?.description, e.kind.rawValue,
            json.changes(e.changes), e.note, e.at.millisecondsSince1970,
        ])
    }

    func insert(_ r: TicketSLA) throws {
        try db.cachedStatement(sql: Self.slaSQL).execute(arguments: try [
            r.ticketID.description, r.organizationID.description, r.policyID?.description, json.encode(r.timeline),
            r.assigneeID?.description, r.departmentID?.description, r.ticketCreatedAt.millisecondsSince1970,
            r.firstResponseDueAt?.millisecondsSince1970, r.resolutionDueAt?.millisecondsSince1970, r.nextCheckAt?.millisecondsSince1970,
            json.list(r.reported), r.version, json.list(r.verdicts),
        ])
    }
}
