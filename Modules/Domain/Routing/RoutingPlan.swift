/// The outcome of one routing pass: what to assign, and the cursors to persist with it.
public struct RoutingPlan: Sendable, Equatable {
    /// One decision: give `ticketID` to `agentID`.
    public struct Assignment: Sendable, Equatable {
        public let ticketID: TicketID
        public let agentID: UserID
        /// The ticket's department: the pool whose cursor the decision advanced.
        public let departmentID: DepartmentID?
        public let strategy: RoutingStrategy

        public init(ticketID: TicketID, agentID: UserID, departmentID: DepartmentID?, strategy: RoutingStrategy) {
            self.ticketID = ticketID
            self.agentID = agentID
            self.departmentID = departmentID
            self.strategy = strategy
        }
    }

    /// In serving order; each ticket at most once.
    public var assignments: [Assignment]
    /// The input cursors, with every pool served in this pass moved to the agent it served last.
    public var cursors: RoutingCursors
    /// Tickets waiting in the queue that no eligible agent could take in this pass, in serving order.
    public var unassigned: [TicketID]

    public init(assignments: [Assignment], cursors: RoutingCursors, unassigned: [TicketID]) {
        self.assignments = assignments
        self.cursors = cursors
        self.unassigned = unassigned
    }
}
