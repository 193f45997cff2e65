import Foundation

/// Auto-assignment (§5) applied to storage: one pass plans with the pure `RoutingPlanner` and commits its decisions
/// in batched units of work, each re-checking at commit everything the pass's snapshot may have got wrong since.
///
/// A batched unit (`AssignmentUseCases+Batch.swift`) holds several decisions: each ticket guarded by the version the
/// pass read (so a concurrent take or another worker's assignment fails the unit instead of assigning twice), the
/// capacity guard of every agent it serves (`UnitOfWork.Change.guardAgentCapacity`, requiring the agent to be still
/// available), the cursor of every department it serves (guarded by its version, so two workers' passes take turns
/// on a pool instead of both advancing it), and each decision's history, SLA record, events and notification jobs.
/// A batched unit that fails on a conflict is applied again one decision per unit, each on its ticket as stored
/// now, so that a lost race costs its own decision only. A decision that loses a race is skipped; a pass that
/// finds a cursor moved by another pass stops and leaves the rest to the next pass, planned on fresh state.
public struct AssignmentUseCases: Sendable {
    let deps: Dependencies
    let slaDueTimes: SLADueTimes

    /// Decisions committed together in one unit of work by default: large enough that the commit's fixed cost
    /// is shared, small enough that a unit holds its locks briefly and a lost race retries few decisions.
    public static let decisionsPerUnit = 250

    /// The SLA due time of waiting tickets, by id; tickets missing from the answer have none (they sort after those
    /// with one, within their priority).
    public typealias SLADueTimes = @Sendable (_ queue: [QueuedTicket], _ organization: OrganizationID) async throws -> [TicketID: Date]

    /// - Parameter slaDueTimes: the hook through which the SLA engine orders the queue by due time; by default no
    ///   ticket has one, and the queue is served by priority, then age.
    public init(_ deps: Dependencies, slaDueTimes: @escaping SLADueTimes = { _, _ in [:] }) {
        self.deps = deps
        self.slaDueTimes = slaDueTimes
    }

    /// What one pass did.
    public struct PassReport: Sendable, Equatable {
        /// Committed decisions, in serving order.
        public var assigned: [RoutingPlan.Assignment] = []
        /// Decisions that lost a race (ticket taken, agent full or gone offline meanwhile) and were dropped.
        public var skipped = 0
        /// Tickets of the batch that no eligible agent could take.
        public var waiting = 0
        /// `true` when the pass stopped early because another pass advanced a cursor first.
        public var yielded = false
        /// Batched units that failed on a conflict and were applied again one decision per unit.
        public var fallbacks = 0

        public init() {}
    }

    /// Runs one pass over the first `batchSize` waiting tickets of `organization`, committing up to
    /// `decisionsPerUnit` decisions per unit of work (1: every decision in its own unit).
    public func assignQueued(
        in organization: OrganizationID, batchSize: Int = 500, decisionsPerUnit: Int = Self.decisionsPerUnit
    ) async throws(DomainError) -> PassReport {
        var report = PassReport()
        let waiting = try await deps.read { try await $0.waitingTickets(in: organization, limit: max(1, batchSize)) }
        guard !waiting.isEmpty else { return report }
        var queue = waiting.map { QueuedTicket($0) }
        let (profiles, loads, departments, stored) = try await deps.read { storage in
            (
                try await storage.agentProfiles(in: organization), try await storage.activeTicketCounts(in: organization),
                try await storage.departments(in: organization), try await storage.routingCursors(in: organization)
            )
        }
        // Staff only: the assignees and the recipients of their notifications (customers are never read here).
        let staff = try await deps.read { storage in
            var users: [User] = []
            for role in Role.allCases where role.isStaff { users += try await storage.users(in: organization, role: role) }
            return users
        }
        let dueTimes = try await deps.read { _ in try await slaDueTimes(queue, organization) }
        if !dueTimes.isEmpty { queue = queue.map { var ticket = $0; ticket.slaDueAt = dueTimes[ticket.id]; return ticket } }
        let agents = profiles.map { AgentSnapshot(profile: $0, activeTickets: loads[$0.userID] ?? 0) }
        var pass = PassState(
            tickets: Dictionary(waiting.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
            users: Dictionary(staff.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
            cursors: Dictionary(stored.map { ($0.departmentID, $0) }, uniquingKeysWith: { first, _ in first }),
            agents: Dictionary(agents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
            // Read once per pass rather than once per decision (a policy change reaches the next pass).
            sla: try await deps.slaSetup(organization))
        let plan = RoutingPlanner(departments: departments).plan(
            queue: queue, agents: agents, cursors: pass.cursors.compactMapValues(\.agentID), now: deps.clock.now())
        report.waiting = plan.unassigned.count

        let size = max(1, decisionsPerUnit)
        for start in stride(from: 0, to: plan.assignments.count, by: size) {
            let decisions = Array(plan.assignments[start..<min(start + size, plan.assignments.count)])
            if decisions.count > 1 {
                switch try await applyBatch(decisions, in: organization, &pass) {
                case .committed(let assigned, let skipped):
                    report.assigned += assigned
                    report.skipped += skipped
                    continue
                case .yielded:
                    report.yielded = true
                    return report
                case .refused:
                    report.fallbacks += 1
                }
            }
            // One decision per unit: a single decision, or a batch that lost a race somewhere.
            for decision in decisions {
                switch try await apply(decision, in: organization, pass) {
                case .assigned(let cursor):
                    pass.cursors[decision.departmentID] = cursor
                    pass.agents[decision.agentID]?.activeTickets += 1
                    report.assigned.append(decision)
                case .skipped:
                    report.skipped += 1
                case .yielded:
                    report.yielded = true
                    return report
                }
            }
        }
        return report
    }

    /// What a pass read at its start and keeps current as its units commit, so that a decision needs no read of its
    /// own; the guards in each unit are what hold against everything else that changes meanwhile.
    struct PassState {
        /// The waiting tickets at the version the pass read.
        let tickets: [TicketID: Ticket]
        /// Staff of the organization (assignees, notification recipients).
        let users: [UserID: User]
        /// Each department's cursor as this pass last stored or read it.
        var cursors: [DepartmentID?: RoutingCursor]
        /// Agents with the load this pass has counted so far.
        var agents: [UserID: AgentSnapshot]
        let sla: SLASetup
    }

    private enum Outcome {
        case assigned(RoutingCursor)
        case skipped
        case yielded
    }

    /// Commits one decision in its own unit on the ticket as stored now, or tells why not.
    private func apply(_ decision: RoutingPlan.Assignment, in organization: OrganizationID, _ pass: PassState) async throws(DomainError) -> Outcome {
        let cursor = pass.cursors[decision.departmentID]
        let tickets = TicketUseCases(deps)
        let current = try await deps.read { try await $0.ticket(id: decision.ticketID, in: organization) }
        guard let current, QueuedTicket(current).isWaitingInQueue else { return .skipped }
        var mutation = TicketMutation(ticket: current, actor: .system(in: organization), now: deps.clock.now(), ids: deps.ids)
        do {
            try await tickets.assign(&mutation, to: decision.agentID, known: pass.agents[decision.agentID], knownUser: pass.users[decision.agentID])
        } catch .unavailable(let reason) {
            throw .unavailable(reason: reason)
        } catch {
            return .skipped // the agent left, lost their profile or filled up since the snapshot
        }
        let next = RoutingCursor(
            organizationID: organization, departmentID: decision.departmentID, agentID: decision.agentID,
            version: (cursor?.version ?? 0) + 1)
        mutation.extraChanges.append(.setRoutingCursor(next, expectedVersion: cursor?.version ?? 0))
        let unit = try await tickets.seal(&mutation, readVersion: current.version, sla: pass.sla, knownUsers: pass.users)
        do {
            _ = try await deps.storage.commit(unit)
        } catch StorageError.versionConflict(let entity, _) {
            return entity == StorageEntity.routingCursor ? .yielded : .skipped
        } catch {
            throw DomainError(storageFailure: error)
        }
        deps.eventsCommitted()
        return .assigned(next)
    }
}
