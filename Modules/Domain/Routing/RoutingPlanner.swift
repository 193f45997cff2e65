import Foundation

/// Auto-assignment as a pure function (§5): one pass over the queue, given the agents and the persisted cursors.
///
/// The pass serves tickets in `QueueOrder`, and gives each to an agent chosen by its department's strategy among
/// the agents eligible for it (`RoutingPolicy`), counting every assignment against the agent's capacity as it
/// goes. Because tickets are served greedily in queue order and loads only grow within a pass, a ticket is never
/// left waiting while a later ticket got an agent who could have taken it. Ties are broken by id, so the plan is
/// deterministic: the same inputs give the same plan in every process, whatever the order of the inputs.
///
/// The planner decides; it does not commit. The caller applies the plan in a unit of work that re-checks what may
/// have changed since the snapshot (assignee still empty, capacity still free) and persists `RoutingPlan.cursors`.
///
/// Least loaded is greedy per ticket: with identical eligibility it reaches the smallest possible maximum load,
/// but it does not look ahead, so with overlapping skill sets a later, pickier ticket may find its only agent
/// already loaded by an earlier ticket that another agent could have taken.
public struct RoutingPlanner: Sendable {
    /// The strategy of each department; departments not listed, and tickets without one, use `defaultStrategy`.
    public var strategies: [DepartmentID: RoutingStrategy]
    public var defaultStrategy: RoutingStrategy

    public init(strategies: [DepartmentID: RoutingStrategy] = [:], defaultStrategy: RoutingStrategy = .roundRobin) {
        self.strategies = strategies
        self.defaultStrategy = defaultStrategy
    }

    /// Takes each department's configured `routingStrategy`.
    public init(departments: [Department], defaultStrategy: RoutingStrategy = .roundRobin) {
        self.init(
            strategies: Dictionary(departments.map { ($0.id, $0.routingStrategy) }, uniquingKeysWith: { first, _ in first }),
            defaultStrategy: defaultStrategy
        )
    }

    /// The strategy that serves tickets of `department`.
    public func strategy(for department: DepartmentID?) -> RoutingStrategy {
        department.flatMap { strategies[$0] } ?? defaultStrategy
    }

    /// Plans one pass at `now`.
    ///
    /// - Parameters:
    ///   - tickets: candidates in any order; those not waiting in the queue (assigned, or not in a queue status) are
    ///     ignored, and a repeated id is served once.
    ///   - agents: every agent with their current active load; when an id repeats, the first snapshot counts.
    ///   - cursors: the persisted round-robin cursors (`RoutingCursors`).
    /// - Returns: the assignments (no agent ends above capacity, no ticket twice), the advanced cursors and the
    ///   tickets left waiting.
    public func plan(queue tickets: [QueuedTicket], agents: [AgentSnapshot], cursors: RoutingCursors, now: Date) -> RoutingPlan {
        var pool = AgentPool(agents, readyAt: now)
        var cursors = cursors
        var assignments: [RoutingPlan.Assignment] = []
        var unassigned: [TicketID] = []
        for ticket in QueueOrder.queue(tickets) {
            let strategy = strategy(for: ticket.departmentID)
            if let agentID = pool.take(ticket, strategy: strategy, after: cursors[ticket.departmentID]) {
                assignments.append(.init(ticketID: ticket.id, agentID: agentID, departmentID: ticket.departmentID, strategy: strategy))
                cursors[ticket.departmentID] = agentID
            } else {
                unassigned.append(ticket.id)
            }
        }
        return RoutingPlan(assignments: assignments, cursors: cursors, unassigned: unassigned)
    }
}
