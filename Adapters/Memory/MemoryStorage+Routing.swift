import Domain
import Foundation

extension MemoryStorage {
    public func routingQueue(in organization: OrganizationID, limit: Int) async throws -> [QueuedTicket] {
        try ensureAvailable()
        // `QueueOrder` without due times is exactly the port's order: priority, then age, then id.
        let waiting = state.tickets.values
            .filter { $0.organizationID == organization }
            .map { QueuedTicket($0) }
            .filter(\.isWaitingInQueue)
        return Array(waiting.sorted(by: QueueOrder.precedes).prefix(max(0, limit)))
    }

    public func routingCursors(in organization: OrganizationID) async throws -> [RoutingCursor] {
        try ensureAvailable()
        return Array((state.routingCursors[organization] ?? [:]).values)
    }
}
