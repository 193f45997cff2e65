import Domain
import Foundation
import Memory
import StorageContract
import Testing

/// A bug a real adapter could have; each must make some named contract case fail.
enum StorageDefect: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Units of work lose their audit events.
    case dropsAuditEvents
    /// Updates are applied whatever version the use case read.
    case ignoresExpectedVersion
    /// Lookups by id ignore the organization asked with.
    case leaksAcrossOrganizations
    /// Each change is committed on its own, so a failing unit leaves its earlier changes behind.
    case commitsChangeByChange
    /// A failing store answers "not found" instead of reporting the outage.
    case reportsOutageAsNotFound
    /// Internal notes are returned even when not asked for.
    case showsInternalNotes
    /// Tickets with equal sort keys come in reverse id order.
    case breaksSortTiesWrongly
    /// Staff scopes forget the tickets a user took part in.
    case ignoresParticipants
    /// A lookup of an absent ticket throws `.missing` instead of answering nil.
    case throwsOnMissingRead
    /// Refresh tokens are never marked consumed, so one token can be exchanged again and again.
    case ignoresTokenConsumption
    /// Finishing a job ignores who holds its lease, so a worker whose lease expired still finishes it.
    case ignoresJobHolder
    /// Claims take jobs up to an hour before their `runAt`.
    case claimsFutureJobs
    // MARK: routing
    /// The capacity guard of assignment is not checked, so an agent can be given one ticket too many.
    case ignoresCapacityGuard

    var description: String { rawValue }
}

/// MemoryStorage behind one deliberate defect (or none, as the control).
struct DefectiveStorage: Storage {
    let inner: MemoryStorage
    let defect: StorageDefect?

    func commit(_ unit: UnitOfWork) async throws -> CommitReceipt {
        switch defect {
        case .dropsAuditEvents?:
            return try await inner.commit(UnitOfWork(unit.changes.filter { if case .appendAuditEvent = $0 { false } else { true } }))
        case .ignoresExpectedVersion?:
            var rewritten = UnitOfWork()
            for change in unit.changes { rewritten.append(try await withStoredVersion(change)) }
            return try await inner.commit(rewritten)
        case .ignoresTokenConsumption?:
            return try await inner.commit(UnitOfWork(unit.changes.filter { if case .consumeRefreshToken = $0 { false } else { true } }))
        case .ignoresCapacityGuard?:
            return try await inner.commit(UnitOfWork(unit.changes.filter { if case .guardAgentCapacity = $0 { false } else { true } }))
        case .ignoresJobHolder?:
            var rewritten = UnitOfWork()
            for change in unit.changes { rewritten.append(try await withStoredHolder(change)) }
            return try await inner.commit(rewritten)
        case .commitsChangeByChange?:
            var receipt = CommitReceipt()
            for change in unit.changes {
                receipt.ticketNumbers.merge(try await inner.commit(UnitOfWork([change])).ticketNumbers) { $1 }
            }
            return receipt
        default:
            return try await inner.commit(unit)
        }
    }

    /// The change with `expectedVersion` replaced by whatever is stored now.
    private func withStoredVersion(_ change: UnitOfWork.Change) async throws -> UnitOfWork.Change {
        switch change {
        case .updateTicket(let ticket, let expected):
            .updateTicket(ticket, expectedVersion: try await inner.ticket(id: ticket.id, in: ticket.organizationID)?.version ?? expected)
        case .updateUser(let user, let expected):
            .updateUser(user, expectedVersion: try await inner.user(id: user.id, in: user.organizationID)?.version ?? expected)
        case .updateDepartment(let department, let expected):
            .updateDepartment(department, expectedVersion: try await inner.department(id: department.id, in: department.organizationID)?.version ?? expected)
        case .updateAgentProfile(let profile, let expected):
            .updateAgentProfile(profile, expectedVersion: try await inner.agentProfile(userID: profile.userID, in: profile.organizationID)?.version ?? expected)
        case .saveTicketSLA(let record, let expected?):
            .saveTicketSLA(record, expectedVersion: try await inner.ticketSLA(ticket: record.ticketID, in: record.organizationID)?.version ?? expected)
        default:
            change
        }
    }

    /// The change with its holder replaced by whoever holds the job's lease now.
    private func withStoredHolder(_ change: UnitOfWork.Change) async throws -> UnitOfWork.Change {
        let holder: (JobID) async throws -> String? = { try await inner.job(id: $0)?.lease?.holder }
        switch change {
        case .completeJob(let id, let given):
            return .completeJob(id, holder: try await holder(id) ?? given)
        case .rescheduleJob(let id, let given, let runAt, let error):
            return .rescheduleJob(id, holder: try await holder(id) ?? given, runAt: runAt, error: error)
        case .failJob(let id, let given, let error):
            return .failJob(id, holder: try await holder(id) ?? given, error: error)
        default:
            return change
        }
    }

    func checkHealth() async throws { try await inner.checkHealth() }

    /// Runs a read; with `.reportsOutageAsNotFound`, an unavailable store answers `fallback`.
    func read<T>(_ fallback: T, _ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch StorageError.unavailable where defect == .reportsOutageAsNotFound { return fallback }
    }

    /// The organizations to search: with `.leaksAcrossOrganizations`, all of them, the asked one first.
    func searched(_ organization: OrganizationID) async throws -> [OrganizationID] {
        guard defect == .leaksAcrossOrganizations else { return [organization] }
        return [organization] + (try await inner.organizations().map(\.id).filter { $0 != organization })
    }

    // MARK: Organizations, users, agents, departments

    func organization(id: OrganizationID) async throws -> Organization? { try await read(nil) { try await inner.organization(id: id) } }
    func organization(slug: String) async throws -> Organization? { try await read(nil) { try await inner.organization(slug: slug) } }
    func organizations() async throws -> [Organization] { try await read([]) { try await inner.organizations() } }

    func user(id: UserID, in organization: OrganizationID) async throws -> User? {
        try await read(nil) {
            for org in try await searched(organization) { if let user = try await inner.user(id: id, in: org) { return user } }
            return nil
        }
    }

    func user(email: EmailAddress, in organization: OrganizationID) async throws -> User? {
        try await read(nil) { try await inner.user(email: email, in: organization) }
    }

    func users(email: EmailAddress) async throws -> [User] { try await read([]) { try await inner.users(email: email) } }
    func users(in organization: OrganizationID, role: Role?) async throws -> [User] { try await read([]) { try await inner.users(in: organization, role: role) } }

    func agentProfile(userID: UserID, in organization: OrganizationID) async throws -> AgentProfile? {
        try await read(nil) { try await inner.agentProfile(userID: userID, in: organization) }
    }

    func agentProfiles(in organization: OrganizationID) async throws -> [AgentProfile] { try await read([]) { try await inner.agentProfiles(in: organization) } }
    func activeTicketCounts(in organization: OrganizationID) async throws -> [UserID: Int] { try await read([:]) { try await inner.activeTicketCounts(in: organization) } }
    func activeTicketCount(of agent: UserID, in organization: OrganizationID) async throws -> Int {
        try await read(0) { try await inner.activeTicketCount(of: agent, in: organization) }
    }
    func department(id: DepartmentID, in organization: OrganizationID) async throws -> Department? {
        try await read(nil) { try await inner.department(id: id, in: organization) }
    }
    func departments(in organization: OrganizationID) async throws -> [Department] { try await read([]) { try await inner.departments(in: organization) } }

    // MARK: Tickets, messages, audit

    func ticket(id: TicketID, in organization: OrganizationID) async throws -> Ticket? {
        try await read(nil) {
            for org in try await searched(organization) { if let ticket = try await inner.ticket(id: id, in: org) { return ticket } }
            if defect == .throwsOnMissingRead { throw StorageError.missing(entity: "ticket", id: id.description) }
            return nil
        }
    }

    func ticket(number: TicketNumber, in organization: OrganizationID) async throws -> Ticket? {
        try await read(nil) { try await inner.ticket(number: number, in: organization) }
    }

    func tickets(_ query: TicketQuery) async throws -> Page<Ticket> {
        try await read(Page(items: [], nextCursor: nil)) {
            let page = try await inner.tickets(query)
            switch (defect, query.scope) {
            case (.breaksSortTiesWrongly?, _):
                let items = page.items.sorted { a, b in
                    let ka = query.sort.key(of: a), kb = query.sort.key(of: b)
                    if ka != kb { return query.sort.descending ? ka > kb : ka < kb }
                    return query.sort.descending ? a.id < b.id : b.id < a.id
                }
                return Page(items: items, nextCursor: page.nextCursor)
            case (.ignoresParticipants?, .staff(_, let user, let departments, let whole)):
                let items = page.items.filter { ticket in
                    ticket.assigneeID == user || ((ticket.departmentID.map(departments.contains) ?? true) && (whole || ticket.assigneeID == nil))
                }
                return Page(items: items, nextCursor: page.nextCursor)
            default:
                return page
            }
        }
    }

    func idempotencyRecord(organization: OrganizationID, user: UserID, key: String) async throws -> IdempotencyRecord? {
        try await read(nil) { try await inner.idempotencyRecord(organization: organization, user: user, key: key) }
    }

    func messages(ticket: TicketID, in organization: OrganizationID, includeInternal: Bool) async throws -> [Message] {
        try await read([]) {
            let include = includeInternal || defect == .showsInternalNotes
            for org in try await searched(organization) {
                let thread = try await inner.messages(ticket: ticket, in: org, includeInternal: include)
                if !thread.isEmpty { return thread }
            }
            return []
        }
    }

    func auditEvents(ticket: TicketID, in organization: OrganizationID) async throws -> [AuditEvent] {
        try await read([]) {
            for org in try await searched(organization) {
                let events = try await inner.auditEvents(ticket: ticket, in: org)
                if !events.isEmpty { return events }
            }
            return []
        }
    }
}

extension DefectiveStorage {
    // MARK: Sessions and jobs

    func refreshToken(digest: String) async throws -> RefreshToken? { try await read(nil) { try await inner.refreshToken(digest: digest) } }

    func claimJobs(kind: String, holder: String, now: Date, leaseSeconds: Int, limit: Int) async throws -> [Job] {
        let seen = defect == .claimsFutureJobs ? now.addingTimeInterval(3_600) : now
        return try await read([]) { try await inner.claimJobs(kind: kind, holder: holder, now: seen, leaseSeconds: leaseSeconds, limit: limit) }
    }

    func job(id: JobID) async throws -> Job? { try await read(nil) { try await inner.job(id: id) } }

    func jobs(kind: String, state: Job.State, limit: Int) async throws -> [Job] {
        try await read([]) { try await inner.jobs(kind: kind, state: state, limit: limit) }
    }

    func claimRecordedEvents(holder: String, now: Date, leaseSeconds: Int, limit: Int) async throws -> [RecordedEvent] {
        try await read([]) { try await inner.claimRecordedEvents(holder: holder, now: now, leaseSeconds: leaseSeconds, limit: limit) }
    }
}

extension DefectiveStorage {
    // MARK: routing

    func routingQueue(in organization: OrganizationID, limit: Int) async throws -> [QueuedTicket] {
        try await read([]) { try await inner.routingQueue(in: organization, limit: limit) }
    }

    func routingCursors(in organization: OrganizationID) async throws -> [RoutingCursor] {
        try await read([]) { try await inner.routingCursors(in: organization) }
    }

    func waitingTickets(in organization: OrganizationID, limit: Int) async throws -> [Ticket] {
        try await read([]) { try await inner.waitingTickets(in: organization, limit: limit) }
    }
}

extension DefectiveStorage {
    // MARK: SLA engine

    func slaPolicies(in organization: OrganizationID) async throws -> [SLAPolicy] { try await read([]) { try await inner.slaPolicies(in: organization) } }
    func businessHours(in organization: OrganizationID) async throws -> [BusinessHours] { try await read([]) { try await inner.businessHours(in: organization) } }
    func ticketSLA(ticket: TicketID, in organization: OrganizationID) async throws -> TicketSLA? {
        try await read(nil) { try await inner.ticketSLA(ticket: ticket, in: organization) }
    }
    func ticketSLAsDue(at now: Date, limit: Int) async throws -> [TicketSLA] { try await read([]) { try await inner.ticketSLAsDue(at: now, limit: limit) } }
    func ticketSLAs(in organization: OrganizationID, createdFrom from: Date, before to: Date) async throws -> [TicketSLA] {
        try await read([]) { try await inner.ticketSLAs(in: organization, createdFrom: from, before: to) }
    }
}

/// Fresh defective stores for the contract, with the same capabilities as MemoryStorage's own subject.
struct DefectiveMemorySubject: StorageContractSubject {
    let defect: StorageDefect?

    var capabilities: Set<StorageCapability> { [.outage] }

    func makeStorage() async throws -> any Storage { DefectiveStorage(inner: MemoryStorage(), defect: defect) }

    func simulateOutage(of storage: any Storage) async throws {
        let defective = try #require(storage as? DefectiveStorage, "simulateOutage: expected a store made by DefectiveMemorySubject")
        await defective.inner.beginOutage()
    }
}

extension DefectiveStorage {
    // MARK: routing policy

    func availabilityChanges(agent: UserID, in organization: OrganizationID, limit: Int) async throws -> [AvailabilityChange] {
        try await read([]) { try await inner.availabilityChanges(agent: agent, in: organization, limit: limit) }
    }

    // MARK: SLA batches

    func ticketSLAs(tickets: [TicketID], in organization: OrganizationID) async throws -> [TicketSLA] {
        try await read([]) { try await inner.ticketSLAs(tickets: tickets, in: organization) }
    }
}
