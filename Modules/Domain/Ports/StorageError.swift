/// The only errors a storage adapter may throw. Adapters translate their driver's errors into these,
/// and the storage contract checks the translation.
public enum StorageError: Error, Sendable, Equatable {
    /// An update's `expectedVersion` did not match the stored version (someone else changed it first).
    /// `entity` is one of `StorageEntity`'s names, `id` the record's id.
    case versionConflict(entity: String, id: String)
    /// A uniqueness rule was violated; `constraint` names it (see `UniqueConstraint`).
    case duplicate(constraint: UniqueConstraint)
    /// An update or reference named a record that does not exist in that organization.
    case missing(entity: String, id: String)
    /// The database could not be reached or failed in a way that retrying later may fix.
    /// Never used for "no such row".
    case unavailable(reason: String)
}

/// Entity names used in `StorageError` cases, shared by every adapter.
public enum StorageEntity {
    public static let organization = "organization"
    public static let user = "user"
    public static let agentProfile = "agent_profile"
    public static let department = "department"
    public static let ticket = "ticket"
    public static let message = "message"
    public static let auditEvent = "audit_event"
    public static let refreshToken = "refresh_token"
    public static let job = "job"
    // MARK: routing
    public static let routingCursor = "routing_cursor"

    // MARK: SLA engine
    public static let ticketSLA = "ticket_sla"

    // MARK: attachments
    public static let attachment = "attachment"

    /// Every name above: an adapter reports no other.
    public static let all: Set<String> = [organization, user, agentProfile, department, ticket, message, auditEvent, refreshToken, job, routingCursor, ticketSLA,
        attachment,
    ]
}

/// The uniqueness rules every storage adapter enforces.
public enum UniqueConstraint: String, Sendable, Equatable, CaseIterable {
    /// Same id inserted twice.
    case primaryKey = "primary_key"
    /// Organization slug is unique in the install.
    case organizationSlug = "organization_slug"
    /// Email is unique within an organization.
    case userEmail = "user_email"
    /// Department name is unique within an organization.
    case departmentName = "department_name"
    /// One agent profile per user.
    case agentProfile = "agent_profile"
    /// An idempotency key is used once per user and organization.
    case idempotencyKey = "idempotency_key"
    /// A refresh token digest exists once.
    case refreshTokenDigest = "refresh_token_digest"
}
