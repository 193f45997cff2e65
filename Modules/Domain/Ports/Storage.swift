import Foundation

/// The storage port: durable state of every organization.
///
/// Rules every adapter follows (checked by `StorageContract`):
/// - Writes happen only through `commit(_:)`; a unit of work is atomic and applied in order.
/// - Every read is scoped to one organization; nothing of organization A is visible through B.
/// - A read of something that does not exist returns `nil` (or an empty list); it never throws.
///   Throwing means the store failed: `StorageError.unavailable`.
/// - Times are kept to the millisecond; entities read back equal what was written.
/// - Ticket numbers are allocated per organization in commit order: 1, 2, 3 … unique and without gaps
///   in a single process, even under concurrent commits.
public protocol Storage: OrganizationQueries, UserQueries, AgentQueries, DepartmentQueries, TicketQueries,
    MessageQueries, AuditQueries, SessionQueries, JobQueries, RoutingQueries, EventOutboxQueries, SLAQueries,
    AttachmentQueries, AvailabilityQueries, AuditHistoryQueries, Sendable
{
    /// Applies all changes of `unit` in one transaction, or none of them, and returns what it allocated.
    /// Throws `StorageError.versionConflict`, `.duplicate`, `.missing` (an update of an absent record),
    /// or `.unavailable`.
    func commit(_ unit: UnitOfWork) async throws -> CommitReceipt

    /// Cheap round trip proving the store answers (readiness probes).
    func checkHealth() async throws
}

/// Storage whose schema is versioned and migrated by the application.
public protocol MigratableStorage: Storage {
    /// Brings the schema to the newest version; idempotent. Returns the names of the migrations it applied.
    @discardableResult
    func migrate() async throws -> [String]
}

public protocol OrganizationQueries: Sendable {
    func organization(id: OrganizationID) async throws -> Organization?
    func organization(slug: String) async throws -> Organization?
    /// All organizations ordered by creation (id).
    func organizations() async throws -> [Organization]
}

public protocol UserQueries: Sendable {
    func user(id: UserID, in organization: OrganizationID) async throws -> User?
    /// `email` is compared case-insensitively (addresses are stored lower-cased).
    func user(email: EmailAddress, in organization: OrganizationID) async throws -> User?
    /// Users with this email in every organization (login without an organization).
    func users(email: EmailAddress) async throws -> [User]
    /// Users of the organization, optionally of one role, ordered by id.
    func users(in organization: OrganizationID, role: Role?) async throws -> [User]
}

public protocol AgentQueries: Sendable {
    func agentProfile(userID: UserID, in organization: OrganizationID) async throws -> AgentProfile?
    /// Profiles of the organization ordered by user id.
    func agentProfiles(in organization: OrganizationID) async throws -> [AgentProfile]
    /// Number of active (not resolved or closed) tickets assigned to each agent that has any.
    func activeTicketCounts(in organization: OrganizationID) async throws -> [UserID: Int]
    /// `activeTicketCounts(in:)[agent] ?? 0`, reading only `agent`'s tickets: what one agent's dashboard and a manual
    /// assignment need (the whole organization's counts took 0.3 s at 1,000,000 tickets).
    func activeTicketCount(of agent: UserID, in organization: OrganizationID) async throws -> Int
}

public protocol DepartmentQueries: Sendable {
    func department(id: DepartmentID, in organization: OrganizationID) async throws -> Department?
    /// Departments ordered by name.
    func departments(in organization: OrganizationID) async throws -> [Department]
}

public protocol TicketQueries: Sendable {
    func ticket(id: TicketID, in organization: OrganizationID) async throws -> Ticket?
    func ticket(number: TicketNumber, in organization: OrganizationID) async throws -> Ticket?
    /// A page of tickets following `TicketQuery`'s reference semantics.
    func tickets(_ query: TicketQuery) async throws -> Page<Ticket>
    /// The record stored for an idempotency key (matched on organization, user and key; not fingerprint).
    func idempotencyRecord(organization: OrganizationID, user: UserID, key: String) async throws -> IdempotencyRecord?
}

public protocol MessageQueries: Sendable {
    /// The thread of a ticket in creation order (then id); internal notes only when `includeInternal`.
    func messages(ticket: TicketID, in organization: OrganizationID, includeInternal: Bool) async throws -> [Message]
}

public protocol AuditQueries: Sendable {
    /// Audit events of a ticket in the order they were committed.
    func auditEvents(ticket: TicketID, in organization: OrganizationID) async throws -> [AuditEvent]
}

public protocol SessionQueries: Sendable {
    /// The refresh token with this digest, in any organization (the digest is globally unique).
    func refreshToken(digest: String) async throws -> RefreshToken?
}

/// Background jobs: the claim primitive that keeps workers in several processes from running one job twice.
public protocol JobQueries: Sendable {
    /// Leases up to `limit` jobs of `kind` to `holder` until `now + leaseSeconds` and returns them as leased,
    /// with `attempts` incremented. Claimable: state `pending`, `runAt <= now`, and no lease or an expired
    /// one (a crashed holder's lease expires). Oldest `runAt` first, then id. Atomic across processes:
    /// two concurrent claimers never receive the same job while its lease is valid.
    /// Finishing a job is a change in a unit of work (`completeJob`, `rescheduleJob`, `failJob`), so its
    /// effects and its completion commit together.
    func claimJobs(kind: String, holder: String, now: Date, leaseSeconds: Int, limit: Int) async throws -> [Job]
    func job(id: JobID) async throws -> Job?
    /// Jobs of a kind in a state across organizations (operators), oldest `runAt` first, then id.
    func jobs(kind: String, state: Job.State, limit: Int) async throws -> [Job]
}
