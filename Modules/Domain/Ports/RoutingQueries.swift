import Foundation

/// What auto-assignment reads (§5): the waiting queue and the persisted round-robin cursors.
public protocol RoutingQueries: Sendable {
    /// The tickets of the organization waiting in the queue — unassigned and in a queue status (`open`, `reopened`,
    /// `escalated`: `QueuedTicket.isWaitingInQueue`) — at most `limit` (≥ 1) of them, in serving order by what the
    /// ticket itself holds: higher priority first, then older `createdAt`, then smaller id. `slaDueAt` is `nil`:
    /// SLA due times are merged in by the caller (`AssignmentUseCases.slaDueTimes`) once the SLA state is stored.
    func routingQueue(in organization: OrganizationID, limit: Int) async throws -> [QueuedTicket]

    /// The stored round-robin cursors of the organization (one per pool, in no particular order); empty when no
    /// pass has stored one yet.
    func routingCursors(in organization: OrganizationID) async throws -> [RoutingCursor]

    // MARK: routing batches
    /// The same tickets as `routingQueue(in:limit:)`, in the same order, whole and at their stored version: a batched
    /// auto-assignment pass changes them without reading each again (every change is guarded by that version).
    func waitingTickets(in organization: OrganizationID, limit: Int) async throws -> [Ticket]
}
