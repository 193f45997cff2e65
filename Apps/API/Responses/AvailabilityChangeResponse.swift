import Domain

/// One change of an agent's availability (`GET /agents/{id}/status-history`).
struct AvailabilityChangeResponse: Encodable, Sendable {
    let id: String
    let agentId: String
    @Nullable var actorId: String?
    let previous: String
    let status: String
    /// Tickets the departments' offline policy returned to the queue with this change.
    let returnedTicketIds: [String]
    let at: String

    init(_ change: AvailabilityChange) {
        id = change.id.description
        agentId = change.agentID.description
        actorId = change.actorID?.description
        previous = change.before.rawValue
        status = change.after.rawValue
        returnedTicketIds = change.returnedTicketIDs.map(\.description)
        at = WireTime.string(change.at)
    }
}
