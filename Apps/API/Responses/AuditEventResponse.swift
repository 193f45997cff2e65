import Domain

/// One audit event of a ticket's history.
struct AuditEventResponse: Encodable, Sendable {
    let id: String
    let ticketId: String
    @Nullable var actorId: String?
    let kind: String
    let changes: [FieldChangeResponse]
    @Nullable var note: String?
    let at: String

    init(_ event: AuditEvent) {
        id = event.id.description
        ticketId = event.ticketID.description
        actorId = event.actorID?.description
        kind = event.kind.rawValue
        changes = event.changes.map { FieldChangeResponse(field: $0.field, before: $0.before, after: $0.after) }
        note = event.note
        at = WireTime.string(event.at)
    }
}

struct FieldChangeResponse: Encodable, Sendable {
    let field: String
    @Nullable var before: String?
    @Nullable var after: String?
}
