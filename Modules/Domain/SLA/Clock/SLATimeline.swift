import Foundation

/// What the SLA clocks of one ticket depend on, as the ticket and its audit history record it:
/// when it was created, its priority over time, its status over time, and its first public agent response.
///
/// Changes may be given in any order (they are sorted by time, keeping the given order for equal
/// times); changes before `createdAt` count from `createdAt`; changes after the evaluation instant are
/// ignored. The status before any change is `open`.
public struct SLATimeline: Sendable, Equatable, Codable {
    /// A value that took effect at an instant.
    public struct Change<Value: Sendable & Equatable & Codable>: Sendable, Equatable, Codable {
        public var at: Date
        public var value: Value

        public init(at: Date, _ value: Value) {
            self.at = at
            self.value = value
        }
    }

    public var createdAt: Date
    /// The priority at creation.
    public var initialPriority: Priority
    public var priorityChanges: [Change<Priority>]
    public var statusChanges: [Change<TicketStatus>]
    /// The first public message by staff (internal notes do not count): `Ticket.firstResponseAt`.
    public var firstResponseAt: Date?

    public init(
        createdAt: Date, priority: Priority, priorityChanges: [Change<Priority>] = [],
        statusChanges: [Change<TicketStatus>] = [], firstResponseAt: Date? = nil
    ) {
        self.createdAt = createdAt
        self.initialPriority = priority
        self.priorityChanges = priorityChanges
        self.statusChanges = statusChanges
        self.firstResponseAt = firstResponseAt
    }
}
