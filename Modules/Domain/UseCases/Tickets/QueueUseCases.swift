/// The agent dashboard (§16 `GET /queue`): my work, what I may take, what is urgent, and my load.
public struct QueueUseCases: Sendable {
    let deps: Dependencies

    public init(_ deps: Dependencies) { self.deps = deps }

    public struct Dashboard: Sendable, Equatable {
        public let assignedToMe: [Ticket]
        public let unassigned: [Ticket]
        public let urgent: [Ticket]
        public let activeCount: Int
        public let capacity: Int
    }

    public func dashboard(actor: Actor, limit: Int = 20) async throws(DomainError) -> Dashboard {
        try AccessPolicy.authorize(actor, .viewQueue)
        let scope = TicketScope.for(actor)
        let active = TicketStatus.active
        let mine = TicketQuery(scope: scope, filter: TicketFilter(statuses: active, assignee: .user(actor.userID)), sort: TicketSort(field: .priority), limit: limit)
        // Highest priority first; the full queue order of §5 (oldest and SLA-due first) comes with routing.
        let waiting = TicketQuery(
            scope: scope, filter: TicketFilter(statuses: TicketUseCases.queueStatuses, assignee: AssigneeFilter.none),
            sort: TicketSort(field: .priority), limit: limit
        )
        let urgent = TicketQuery(scope: scope, filter: TicketFilter(statuses: active, priorities: [.urgent]), sort: TicketSort(field: .createdAt, descending: false), limit: limit)
        let org = actor.organizationID
        let (a, u, g) = try await deps.read { storage in
            (try await storage.tickets(mine).items, try await storage.tickets(waiting).items, try await storage.tickets(urgent).items)
        }
        let count = try await deps.read { try await $0.activeTicketCount(of: actor.userID, in: org) }
        let capacity = try await deps.read { try await $0.agentProfile(userID: actor.userID, in: org)?.maxConcurrentTickets } ?? AgentProfile.defaultMaxConcurrentTickets
        return Dashboard(assignedToMe: a, unassigned: u, urgent: g, activeCount: count, capacity: capacity)
    }
}
