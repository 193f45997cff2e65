import Domain
import Foundation

/// Everything a `MemoryStorage` holds: a value, so that a commit can work on a copy and be dropped whole.
struct MemoryStorageState: Sendable {
    var organizations: [OrganizationID: Organization] = [:]
    var users: [UserID: User] = [:]
    var agentProfiles: [UserID: AgentProfile] = [:]
    var departments: [DepartmentID: Department] = [:]
    var tickets: [TicketID: Ticket] = [:]
    var ticketsByNumber: [OrganizationID: [TicketNumber: TicketID]] = [:]
    var lastTicketNumber: [OrganizationID: Int] = [:]
    var messages: [MessageID: Message] = [:]
    /// Per ticket, in commit order.
    var auditEvents: [TicketID: [AuditEvent]] = [:]
    var auditEventIDs: Set<AuditEventID> = []
    var idempotencyRecords: [IdempotencyScope: IdempotencyRecord] = [:]
    var refreshTokens: [RefreshTokenID: RefreshToken] = [:]
    var refreshTokensByDigest: [String: RefreshTokenID] = [:]
    var jobs: [JobID: Job] = [:]
    /// Round-robin cursors per organization and pool (`nil`: tickets without a department).
    var routingCursors: [OrganizationID: [DepartmentID?: RoutingCursor]] = [:]
    /// The event outbox by id, the last id allocated (ids are never reused), and the relays' leases.
    var recordedEvents: [Int64: DomainEvent] = [:]
    var lastRecordedEventID: Int64 = 0
    var recordedEventLeases: [Int64: JobLease] = [:]

    // MARK: SLA engine
    var slaPolicies: [OrganizationID: [SLAPolicy]] = [:]
    var businessHours: [OrganizationID: [BusinessHours]] = [:]
    var ticketSLAs: [TicketID: TicketSLA] = [:]

    // MARK: attachments
    var attachments: [AttachmentID: Attachment] = [:]

    // MARK: routing policy
    /// Per agent, in commit order.
    var availabilityChanges: [UserID: [AvailabilityChange]] = [:]
    var availabilityChangeIDs: Set<AvailabilityChangeID> = []

    /// What an idempotency key is unique within.
    struct IdempotencyScope: Hashable, Sendable {
        let organizationID: OrganizationID
        let userID: UserID
        let key: String

        init(_ key: IdempotencyKey) {
            organizationID = key.organizationID
            userID = key.userID
            self.key = key.key
        }

        init(organizationID: OrganizationID, userID: UserID, key: String) {
            self.organizationID = organizationID
            self.userID = userID
            self.key = key
        }
    }

    /// The ticket with this id if it belongs to `organization`.
    func ticket(_ id: TicketID, in organization: OrganizationID) -> Ticket? {
        tickets[id].flatMap { $0.organizationID == organization ? $0 : nil }
    }
}
