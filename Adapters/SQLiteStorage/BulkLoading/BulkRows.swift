import Domain
import GRDB

/// The rows of a batch's tickets, messages, audit events and SLA records as statement arguments, built
/// before the write (`init`) so that the writer connection, which every batch waits for, only binds and
/// steps. Columns and encodings are those of the commit's row writers (`TicketRow`, `MessageRow`,
/// `AuditEventRow`, `TicketSLARow`), so loaded rows read back through the same queries; only the
/// per-row costs of a commit (a fresh JSON encoder per column, named arguments, a statement lookup per
/// row) are left out.
struct BulkRows: Sendable {
    private(set) var tickets: [StatementArguments] = []
    private(set) var tags: [StatementArguments] = []
    private(set) var participants: [StatementArguments] = []
    private(set) var messages: [StatementArguments] = []
    private(set) var auditEvents: [StatementArguments] = []
    private(set) var ticketSLAs: [StatementArguments] = []

    static let ticketSQL = """
        INSERT INTO tickets (\(TicketRow.columns))
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    static let tagSQL = "INSERT OR IGNORE INTO ticket_tags (ticket_id, tag, organization_id, ticket_created_at) VALUES (?, ?, ?, ?)"
    static let participantSQL = "INSERT INTO ticket_participants (ticket_id, user_id) VALUES (?, ?)"
    static let messageSQL = """
        INSERT INTO messages (id, organization_id, ticket_id, author_id, kind, body, is_internal, attachment_ids, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    static let auditSQL = """
        INSERT INTO audit_events (id, organization_id, ticket_id, actor_id, kind, changes, note, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """
    static let slaSQL = "INSERT INTO ticket_sla (\(TicketSLARow.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

    /// Encodes every row of `batch` (its people excepted: they are few and go through the row writers).
    init(_ batch: SeedBatch) throws {
        var json = BulkJSON()
        tickets.reserveCapacity(batch.tickets.count)
        messages.reserveCapacity(batch.messages.count)
        auditEvents.reserveCapacity(batch.auditEvents.count)
        ticketSLAs.reserveCapacity(batch.ticketSLAs.count)
        for ticket in batch.tickets { try add(ticket, &json) }
        for message in batch.messages { add(message, &json) }
        for event in batch.auditEvents { add(event, &json) }
        for record in batch.ticketSLAs { add(record, &json) }
    }

    /// Runs every row's insert, one prepared statement per table (tickets before the rows that refer to them).
    func write(_ db: Database) throws {
        try Self.run(db, Self.ticketSQL, tickets)
        try Self.run(db, Self.tagSQL, tags)
        try Self.run(db, Self.participantSQL, participants)
        try Self.run(db, Self.messageSQL, messages)
        try Self.run(db, Self.auditSQL, auditEvents)
        try Self.run(db, Self.slaSQL, ticketSLAs)
    }

    private static func run(_ db: Database, _ sql: String, _ rows: [StatementArguments]) throws {
        guard !rows.isEmpty else { return }
        let statement = try db.cachedStatement(sql: sql)
        for arguments in rows {
            // The arguments match the statement by construction; checking them again per row costs more than the insert.
            statement.setUncheckedArguments(arguments)
            try statement.execute()
        }
    }

    private mutating func add(_ t: Ticket, _ json: inout BulkJSON) throws {
        let id = json.id(t.id.uuid), organization = json.id(t.organizationID.uuid)
        let customFields = t.customFields.isEmpty ? "{}" : try json.encode(t.customFields)
        let journeyAnswers = try t.journeyAnswers.map { try json.encode($0) }
        let resolution = try t.resolution.map { try json.encode($0) }, rating = try t.rating.map { try json.encode($0) }
        let participantIDs = t.participantIDs.sorted()
        var arguments: StatementArguments = [
            id, organization, t.number.value, json.id(t.customerID.uuid), t.contact.name, t.contact.email?.value, t.contact.phone,
            t.subject, t.description, t.channel.rawValue, t.category, t.priority.rank, t.status.rawValue,
        ]
        arguments += [
            BulkJSON.strings(t.tags), customFields, try json.list(t.references), journeyAnswers, BulkJSON.ids(t.attachmentIDs.map(\.uuid)),
            t.assigneeID.map { json.id($0.uuid) }, t.departmentID.map { json.id($0.uuid) }, t.tier,
        ]
        arguments += [
            BulkJSON.strings(t.requiredSkills.sorted()), t.language, BulkJSON.ids(participantIDs.map(\.uuid)), try json.list(t.escalations),
            resolution, rating, t.mergedIntoID.map { json.id($0.uuid) }, BulkJSON.ids(t.linkedTicketIDs.map(\.uuid)),
        ]
        arguments += [
            t.firstResponseAt?.millisecondsSince1970, t.closedAt?.millisecondsSince1970, t.reopenCount,
            t.createdAt.millisecondsSince1970, t.updatedAt.millisecondsSince1970, t.version,
        ]
        tickets.append(arguments)
        for tag in t.tags { tags.append([id, tag, organization, t.createdAt.millisecondsSince1970]) }
        for participant in participantIDs { participants.append([id, json.id(participant.uuid)]) }
    }

    private mutating func add(_ m: Message, _ json: inout BulkJSON) {
        messages.append([
            json.id(m.id.uuid), json.id(m.organizationID.uuid), json.id(m.ticketID.uuid), m.authorID.map { json.id($0.uuid) },
            m.kind.rawValue, m.body, m.isInternal, BulkJSON.ids(m.attachmentIDs.map(\.uuid)), m.createdAt.millisecondsSince1970,
        ])
    }

    private mutating func add(_ e: AuditEvent, _ json: inout BulkJSON) {
        auditEvents.append([
            json.id(e.id.uuid), json.id(e.organizationID.uuid), json.id(e.ticketID.uuid), e.actorID.map { json.id($0.uuid) },
            e.kind.rawValue, BulkJSON.changes(e.changes), e.note, e.at.millisecondsSince1970,
        ])
    }

    private mutating func add(_ r: TicketSLA, _ json: inout BulkJSON) {
        ticketSLAs.append([
            json.id(r.ticketID.uuid), json.id(r.organizationID.uuid), r.policyID.map { json.id($0.uuid) }, BulkJSON.timeline(r.timeline),
            r.assigneeID.map { json.id($0.uuid) }, r.departmentID.map { json.id($0.uuid) }, r.ticketCreatedAt.millisecondsSince1970,
            r.firstResponseDueAt?.millisecondsSince1970, r.resolutionDueAt?.millisecondsSince1970, r.nextCheckAt?.millisecondsSince1970,
            BulkJSON.crossings(r.reported), r.version, BulkJSON.verdicts(r.verdicts),
        ])
    }
}
