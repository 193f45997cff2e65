/// Every way a use case refuses. The API maps each case to one HTTP status in one place.
public enum DomainError: Error, Sendable, Equatable {
    /// Input is wrong; each violation names its field.
    case validation([FieldViolation])
    /// No such record, or the caller may not know it exists.
    case notFound(entity: String)
    /// The caller may see the record but not do this.
    case forbidden(reason: String)
    /// No or bad credentials.
    case unauthenticated(reason: String)
    /// The caller's version is stale (`If-Match` mismatch): reload and retry.
    case staleVersion(current: Int)
    /// The request clashes with existing state (duplicate email, already assigned …).
    case conflict(reason: String)
    /// The state machine does not allow this move.
    case illegalTransition(from: TicketStatus, to: TicketStatus)
    /// An idempotency key was reused for a different request.
    case idempotencyKeyReused
    /// A dependency (database, file store …) is down; retrying later may work.
    case unavailable(reason: String)
    // MARK: attachments
    /// An upload is larger than its limit; `field` names the input, `maximumBytes` the limit.
    case tooLarge(field: String, maximumBytes: Int64)

    /// Shorthand for a single invalid field.
    public static func invalid(_ field: String, _ message: String) -> DomainError {
        .validation([FieldViolation(field: field, message: message)])
    }
}

/// One invalid input field and why.
public struct FieldViolation: Sendable, Equatable, Codable {
    public let field: String
    public let message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}
