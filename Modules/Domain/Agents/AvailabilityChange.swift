import Foundation

/// An immutable record of one change of an agent's availability (§5, issue 7): who changed it, from what to
/// what, and which tickets the departments' offline policy returned to the queue with it. Written in the same
/// unit of work as the profile change. Agent-scoped, so it is not an `AuditEvent` (those belong to a ticket);
/// the tickets it returned carry their own `unassigned` audit events.
public struct AvailabilityChange: Sendable, Equatable {
    public let id: AvailabilityChangeID
    public let organizationID: OrganizationID
    public let agentID: UserID
    /// Who made the change (today always the agent; `nil` when the system acted).
    public let actorID: UserID?
    public let before: Availability
    public let after: Availability
    /// Tickets returned to the queue by `OfflinePolicy.returnToQueue`, in the order they were handled.
    public let returnedTicketIDs: [TicketID]
    public let at: Date

    public init(
        id: AvailabilityChangeID, organizationID: OrganizationID, agentID: UserID, actorID: UserID?, before: Availability,
        after: Availability, returnedTicketIDs: [TicketID] = [], at: Date
    ) {
        self.id = id
        self.organizationID = organizationID
        self.agentID = agentID
        self.actorID = actorID
        self.before = before
        self.after = after
        self.returnedTicketIDs = returnedTicketIDs
        self.at = at
    }
}

public typealias AvailabilityChangeID = Identifier<AvailabilityChange>
