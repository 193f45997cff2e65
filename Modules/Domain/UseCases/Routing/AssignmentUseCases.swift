import Foundation

/// Auto-assignment (§5) applied to storage: one pass plans with the pure `RoutingPlanner` and commits each decision
/// in its own unit of work that re-checks everything the snapshot may have got wrong since.
///
/// Each decision's unit holds the ticket (guarded by the version the pass read, so a concurrent take or another
/// worker's assignment makes it fail instead of assigning twice), the agent's capacity guard
/// (`UnitOfWork.Change.guardAgentCapacity`, requiring the agent to be still available), the department's cursor
/// (guarded by its version, so two workers' passes take turns on a pool instead of both advancing it), the audit
/// events and the notification jobs. A decision that loses a race is skipped; a pass that finds a cursor moved by
/// another pass stops and leaves the rest to the next pass, planned on fresh state.
public struct AssignmentUseCases: Sendable {
    let deps: Dependencies
    let slaDueTimes: SLADueTimes

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

        public init() {}
    }

    /// Runs one pass over the first `batchSize` waiting tickets of `organization`.
    public func assignQueued(in organization: OrganizationID, batchSize: Int = 500) async throws(DomainError) -> PassReport {
        var report = PassReport()
        var queue = try await deps.read { try await $0.routingQueue(in: organization, limit: max(1, batchSize)) }
        guard !queue.isEmpty else { return report }
        let (profiles, loads, departments, stored) = try await deps.read { storage in
            (
                try await storage.agentProfiles(in: organization), try await storage.activeTicketCounts(in: organization),
                try await storage.departments(in: organization), try await storage.routingCursors(in: organization)
            )
        }
        let dueTimes = try await deps.read { _ in try await slaDueTimes(queue, organization) }
        if !dueTimes.isEmpty { queue = queue.map { var ticket = $0; ticket.slaDueAt = dueTimes[ticket.id]; return ticket } }
        var cursors = Dictionary(stored.map { ($0.departmentID, $0) }, uniquingKeysWith: { first, _ in first })
        let agents = profiles.map { AgentSnapshot(profile: $0, activeTickets: loads[$0.userID] ?? 0) }
        // Kept current as decisions commit, so that each decision's pre-check needs no read of its own; the capacity
        // guard in each unit is what holds against everything else that assigns meanwhile.
        var snapshots = Dictionary(agents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Read once per pass rather than once per decision (a policy change reaches the next pass).
        let sla = try await deps.slaSetup(organization)
        let now = deps.clock.now()
        let plan = RoutingPlanner(departments: departments).plan(
            queue: queue, agents: agents, cursors: cursors.compactMapValues(\.agentID), now: now)
        report.waiting = plan.unassigned.count

        for decision in plan.assignments {
            let context = DecisionContext(cursor: cursors[decision.departmentID], agent: snapshots[decision.agentID], sla: sla)
            switch try await apply(decision, in: organization, context) {
            case .assigned(let cursor):
                cursors[decision.departmentID] = cursor
                snapshots[decision.agentID]?.activeTickets += 1
                report.assigned.append(decision)
            case .skipped:
                report.skipped += 1
            case .yielded:
                report.yielded = true
                return report
            }
        }
        return report
    }

    private enum Outcome {
        case assigned(RoutingCursor)
        case skipped
        case yielded
    }

    /// What a pass already knows when it applies a decision.
    private struct DecisionContext {
        /// The department's cursor as this pass last stored or read it.
        let cursor: RoutingCursor?
        /// The chosen agent with the load this pass has counted so far.
        let agent: AgentSnapshot?
        let sla: SLASetup
    }

    /// Commits one decision on the ticket as stored now, or tells why not.
    private func apply(_ decision: RoutingPlan.Assignment, in organization: OrganizationID, _ context: DecisionContext) async throws(DomainError) -> Outcome {
        let cursor = context.cursor
        let tickets = TicketUseCases(deps)
        let current = try await deps.read { try await $0.ticket(id: decision.ticketID, in: organization) }
        guard let current, QueuedTicket(current).isWaitingInQueue else { return .skipped }
        var mutation = TicketMutation(ticket: current, actor: .system(in: organization), now: deps.clock.now(), ids: deps.ids)
        do {
            try await tickets.assign(&mutation, to: decision.agentID, known: context.agent)
        } catch .unavailable(let reason) {
            throw .unavailable(reason: reason)
        } catch {
            return .skipped // the agent left, lost their profile or filled up since the snapshot
        }
        let next = RoutingCursor(
            organizationID: organization, departmentID: decision.departmentID, agentID: decision.agentID,
            version: (cursor?.version ?? 0) + 1)
        mutation.extraChanges.append(.setRoutingCursor(next, expectedVersion: cursor?.version ?? 0))
        let unit = try await tickets.seal(&mutation, readVersion: current.version, sla: context.sla)
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
