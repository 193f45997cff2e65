import Foundation

/// Everything one use case writes, applied by `Storage.commit(_:)` atomically and in order:
/// all changes (entities, messages, audit events) become visible together, or none do.
public struct UnitOfWork: Sendable {
    public private(set) var changes: [Change]

    public init(_ changes: [Change] = []) { self.changes = changes }

    public mutating func append(_ change: Change) { changes.append(change) }

    public mutating func append(contentsOf more: [Change]) { changes.append(contentsOf: more) }

    public var isEmpty: Bool { changes.isEmpty }

    /// Records `events` with this unit's changes (see `Change.recordEvent`): they are published only
    /// if, and after, the unit commits.
    public mutating func record(_ events: [DomainEvent]) { changes.append(contentsOf: events.map { .recordEvent($0) }) }

    /// One write. Updates carry the version the use case read: the adapter applies the update only
    /// if the stored version still equals `expectedVersion` (and stores the entity's own, higher, version);
    /// otherwise the whole unit fails with `StorageError.versionConflict`.
    public enum Change: Sendable {
        case insertOrganization(Organization)
        case insertUser(User)
        case updateUser(User, expectedVersion: Int)
        case insertAgentProfile(AgentProfile)
        case updateAgentProfile(AgentProfile, expectedVersion: Int)
        case insertDepartment(Department)
        case updateDepartment(Department, expectedVersion: Int)
        /// Storage allocates the next number of the ticket's organization (ignoring `ticket.number`)
        /// and reports it in `CommitReceipt.ticketNumbers`. With an idempotency key, a second insert
        /// for the same key fails with `.duplicate(.idempotencyKey)` and writes nothing.
        case insertTicket(Ticket, idempotencyKey: IdempotencyKey?)
        case updateTicket(Ticket, expectedVersion: Int)
        case insertMessage(Message)
        case appendAuditEvent(AuditEvent)
        /// A new refresh token (its digest is unique: `.duplicate(.refreshTokenDigest)`).
        case insertRefreshToken(RefreshToken)
        /// Marks a token consumed at `at`; `.versionConflict` when it is already consumed or revoked
        /// (so two concurrent refreshes with one token cannot both succeed), `.missing` when absent.
        case consumeRefreshToken(RefreshTokenID, organizationID: OrganizationID, at: Date)
        /// Revokes every not yet revoked token of the family; a family with no tokens is not an error.
        case revokeRefreshTokenFamily(UUID, organizationID: OrganizationID, at: Date)
        /// Stores a new job (pending, unleased).
        case enqueueJob(Job)
        /// Deletes a finished job. `.versionConflict` unless `holder` holds its lease; `.missing` when absent.
        case completeJob(JobID, holder: String)
        /// Releases the lease and makes the job claimable again at `runAt`, recording the error.
        /// Same holder rule as `completeJob`.
        case rescheduleJob(JobID, holder: String, runAt: Date, error: String)
        /// Marks the job `failed` (kept, no longer claimable) with its error. Same holder rule.
        case failJob(JobID, holder: String, error: String)
        /// An operator sends a failed job back to `pending` at `runAt` with zero attempts;
        /// `.versionConflict` unless it is `failed`.
        case requeueJob(JobID, organizationID: OrganizationID, runAt: Date)

        // MARK: routing
        /// The atomic capacity guard of assignment (§5). Checks, with the changes before it in the unit already
        /// applied, that the agent's stored profile admits the load the unit leaves: the agent's tickets in an
        /// active status (`TicketStatus.active`) number at most the profile's `maxConcurrentTickets`, and, when
        /// `requireAvailable`, the profile's availability is `available`. The check is serialised with every other
        /// unit that guards or updates the same profile (SQL adapters lock the profile row), so two concurrent
        /// units can never both take the agent's last free slot, and an agent whose change to offline committed
        /// first receives nothing from a later auto-assignment. Writes nothing. Fails the unit with
        /// `.versionConflict(entity: agent_profile)` when the check fails, `.missing` when there is no profile.
        case guardAgentCapacity(UserID, organizationID: OrganizationID, requireAvailable: Bool)
        /// Stores a round-robin cursor with its own `version`: inserted when `expectedVersion` is 0 and the pool
        /// has none yet, replaced when the stored version equals `expectedVersion`; otherwise the unit fails with
        /// `.versionConflict(entity: routing_cursor)` — another pass advanced the pool first.
        case setRoutingCursor(RoutingCursor, expectedVersion: Int)

        // MARK: notifications
        /// Sets (or with nil removes) the organization's template of one kind of notification, leaving its
        /// other settings as they are (applied to the stored settings inside the transaction, so two
        /// admins editing different kinds at once both keep their change); `.missing` when absent.
        case setNotificationTemplate(OrganizationID, kind: Notification.Kind, template: NotificationTemplate?)
        // MARK: realtime
        /// Records a domain event in the event outbox, numbered by storage after every event committed
        /// before it (`EventOutboxQueries`). It exists only if the unit commits; `EventRelay` publishes it.
        case recordEvent(DomainEvent)
        /// Removes relayed events from the outbox; ids no longer there are ignored (another relay, a retry).
        case removeRelayedEvents([Int64])

        // MARK: SLA engine
        /// Replaces the organization's SLA policies with `policies`, kept in the given order (the order
        /// breaks ties in `SLAPolicy.select`). `.missing(organization)` when the organization is absent.
        case replaceSLAPolicies(OrganizationID, [SLAPolicy])
        /// Replaces the organization's business-hours calendars, kept in the given order.
        case replaceBusinessHours(OrganizationID, [BusinessHours])
        /// Stores a ticket's SLA record. With `expectedVersion` `nil` it is new: `.duplicate(.primaryKey)`
        /// if the ticket already has one, `.missing(ticket)` if the ticket is absent. Otherwise the stored
        /// record must have that version (`.versionConflict(ticket_sla)`; `.missing(ticket_sla)` when absent):
        /// what keeps two SLA sweeps from both reporting one crossing.
        case saveTicketSLA(TicketSLA, expectedVersion: Int?)

        // MARK: attachments

        /// A new, pending attachment (no message yet) of an existing ticket of its organization
        /// (`.missing(ticket)` otherwise; `.duplicate(.primaryKey)` for a reused id).
        case insertAttachment(Attachment)
        /// Attaches a pending upload to a message, internal when the message is an internal note.
        /// `.missing` when absent; `.versionConflict` when it is already attached (one upload, one message).
        case attachAttachment(AttachmentID, organizationID: OrganizationID, messageID: MessageID, isInternal: Bool)
        /// Deletes a pending upload's record. `.versionConflict` when it has been attached meanwhile
        /// (cleanup never removes a used file); an absent record is not an error (cleanup is repeatable).
        case deletePendingAttachment(AttachmentID, organizationID: OrganizationID)

        // MARK: routing policy
        /// Appends an agent's availability change to their history (`AvailabilityQueries`).
        /// `.missing(agent_profile)` when the agent has no profile in the record's organization;
        /// `.duplicate(.primaryKey)` for a reused id.
        case appendAvailabilityChange(AvailabilityChange)
    }
}

/// What a commit allocated.
public struct CommitReceipt: Sendable, Equatable {
    /// Numbers allocated to the tickets inserted by the unit.
    public var ticketNumbers: [TicketID: TicketNumber]

    public init(ticketNumbers: [TicketID: TicketNumber] = [:]) { self.ticketNumbers = ticketNumbers }
}

/// A client-chosen key that makes ticket creation safe to retry (`Idempotency-Key` header).
/// Scoped to the organization and the user who sent it. `fingerprint` identifies the request body,
/// so that a reuse with a different body can be refused.
public struct IdempotencyKey: Sendable, Equatable, Hashable {
    public let organizationID: OrganizationID
    public let userID: UserID
    public let key: String
    public let fingerprint: String

    public init(organizationID: OrganizationID, userID: UserID, key: String, fingerprint: String) {
        self.organizationID = organizationID
        self.userID = userID
        self.key = key
        self.fingerprint = fingerprint
    }
}

/// A stored idempotency key and the ticket it created.
public struct IdempotencyRecord: Sendable, Equatable {
    public let key: IdempotencyKey
    public let ticketID: TicketID

    public init(key: IdempotencyKey, ticketID: TicketID) {
        self.key = key
        self.ticketID = ticketID
    }
}
