import Domain
import Foundation

extension MemoryStorage {
    public func routingQueue(in organization: OrganizationID, limit: Int) async throws -> [QueuedTicket] {
        try await waitingTickets(in: organization, limit: limit).map { QueuedTicket($0) }
    }

    public func waitingTickets(in organization: OrganizationID, limit: Int) async throws -> [Ticket] {
        try ensureAvailable()
        // `QueueOrder` without due times is exactly the port's order: priority, then age, then id.
        let waiting = state.tickets.values
            .filter { $0.organizationID == organization && QueuedTicket($0).isWaitingInQueue }
            .map { (QueuedTicket($0), $0) }
        return waiting.sorted { QueueOrder.precedes($0.0, $1.0) }.prefix(max(0, limit)).map { $0.1 }
    }

    public func routingCursors(in organization: OrganizationID) async throws -> [RoutingCursor] {
        try ensureAvailable()
        return Array((state.routingCursors[organization] ?? [:]).values)
    }
}
