/// Loading prepared data in bulk (benchmark datasets, imports), bypassing the per-change checks and
/// per-unit commits of `Storage.commit(_:)`, which would make a million tickets take hours.
///
/// Rules every adapter follows (checked by `StorageContract`'s bulk-load case):
/// - A batch is written in one transaction: all of it or none of it.
/// - Entities are written as given and read back through the `Storage` queries exactly as if they had
///   been committed through use cases (threads, audit history, tag and participant filters, scopes).
/// - Tickets keep the `number` they carry (allocated by the producer of the batch, unique in their
///   organization and never `.unallocated`). Afterwards the organization's next committed ticket
///   gets the number after the highest one stored, so normal numbering continues without a clash.
/// - Batches are written in the order entities depend on each other: organizations, departments,
///   users, agent profiles, tickets, messages, audit events, ticket SLA records. A batch may refer to
///   entities of an earlier batch.
/// - SLA records are written as given and read back through the `SLAQueries` (`ticketSLA`, the
///   worker's due-time index, compliance periods) like those commits save.
/// - Throws `StorageError` (`.duplicate` for an id or number already stored, `.unavailable`).
public protocol BulkLoading: Sendable {
    /// Writes every entity of `batch` in one transaction.
    func load(_ batch: SeedBatch) async throws
}

/// One transaction's worth of prepared entities for `BulkLoading.load(_:)`.
public struct SeedBatch: Sendable, Equatable {
    public var organizations: [Organization]
    public var departments: [Department]
    public var users: [User]
    public var agentProfiles: [AgentProfile]
    /// Tickets with their numbers already allocated.
    public var tickets: [Ticket]
    public var messages: [Message]
    public var auditEvents: [AuditEvent]
    /// The SLA records of the batch's tickets (at most one per ticket).
    public var ticketSLAs: [TicketSLA]

    public init(
        organizations: [Organization] = [], departments: [Department] = [], users: [User] = [], agentProfiles: [AgentProfile] = [],
        tickets: [Ticket] = [], messages: [Message] = [], auditEvents: [AuditEvent] = [], ticketSLAs: [TicketSLA] = []
    ) {
        self.organizations = organizations
        self.departments = departments
        self.users = users
        self.agentProfiles = agentProfiles
        self.tickets = tickets
        self.messages = messages
        self.auditEvents = auditEvents
        self.ticketSLAs = ticketSLAs
    }

    /// Rows the batch writes (one per entity), for throughput figures.
    public var rowCount: Int {
        organizations.count + departments.count + users.count + agentProfiles.count + tickets.count + messages.count + auditEvents.count
            + ticketSLAs.count
    }
}
