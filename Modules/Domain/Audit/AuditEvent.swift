import Foundation

/// An immutable record of one action on a ticket, written in the same unit of work as the change (§3).
public struct AuditEvent: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case created, updated, assigned, unassigned
        case statusChanged = "status_changed"
        case priorityChanged = "priority_changed"
        case escalated
        case messageAdded = "message_added"
        case internalNoteAdded = "internal_note_added"
        case merged, linked, resolved, closed, reopened, rated
        case slaBreached = "sla_breached"
        // MARK: SLA engine
        case slaWarning = "sla_warning"
    }

    public let id: AuditEventID
    public let organizationID: OrganizationID
    public let ticketID: TicketID
    /// `nil` when the system acted (worker, automation).
    public let actorID: UserID?
    public let kind: Kind
    public let changes: [FieldChange]
    public let note: String?
    public let at: Date

    public init(
        id: AuditEventID, organizationID: OrganizationID, ticketID: TicketID, actorID: UserID?, kind: Kind,
        changes: [FieldChange] = [], note: String? = nil, at: Date
    ) {
        self.id = id
        self.organizationID = organizationID
        self.ticketID = ticketID
        self.actorID = actorID
        self.kind = kind
        self.changes = changes
        self.note = note
        self.at = at
    }
}

/// Before and after of one field, as text.
public struct FieldChange: Sendable, Equatable, Codable {
    public let field: String
    public let before: String?
    public let after: String?

    public init(field: String, before: String?, after: String?) {
        self.field = field
        self.before = before
        self.after = after
    }
}
