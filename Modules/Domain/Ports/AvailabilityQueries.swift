import Foundation

/// The history of agents' availability (`AvailabilityChange`), written by `UnitOfWork.Change.appendAvailabilityChange`.
///
/// Rules every adapter follows (checked by `StorageContract`):
/// - `availabilityChanges` returns the agent's records of the organization only, newest first (`at`
///   descending, then id descending), at most `limit` (≥ 1); an agent with none (or unknown) has an empty list.
/// - Records read back equal what was written, `returnedTicketIDs` in their order.
public protocol AvailabilityQueries: Sendable {
    /// The agent's availability changes, newest first (see the rules above).
    func availabilityChanges(agent: UserID, in organization: OrganizationID, limit: Int) async throws -> [AvailabilityChange]
}
