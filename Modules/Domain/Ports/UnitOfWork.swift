import Foundation

/// Everything one use case writes, applied by `Storage.commit(_:)` atomically and in order:
/// all changes (entities, messages, audit events) become visible together, or none do.
public struct UnitOfWork: Sendable {
    public private(set) var changes: [Change]

    public init(_ changes: [Change] = []) { self.changes = changes }

    public mutating func append(_ change: Change) { changes.append(change) }

    public mutating func append(contentsOf more: [Change]) { changes.append(contentsOf: more) }

    public var isEmpty: Bool { changes.isEmpty }

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
