import Domain

/// A room a WebSocket client subscribes to (SPEC §7): `ticket:<id>`, `queue:<departmentId>`, `agent:me`, `admin`.
enum RealtimeRoom: Hashable, Sendable, CustomStringConvertible {
    case ticket(TicketID)
    case queue(DepartmentID)
    /// The signed-in staff member's own channel: events naming them as the agent concerned.
    case agent(UserID)
    case admin

    /// Parses a room name as the client sent it; `agent:me` names the connection's own user.
    init?(_ name: String, me: UserID) {
        let parts = name.split(separator: ":", maxSplits: 1).map(String.init)
        switch (parts.first ?? "", parts.count) {
        case ("ticket", 2): guard let id = TicketID(parts[1]) else { return nil }; self = .ticket(id)
        case ("queue", 2): guard let id = DepartmentID(parts[1]) else { return nil }; self = .queue(id)
        case ("agent", 2): guard parts[1] == "me" else { return nil }; self = .agent(me)
        case ("admin", 1): self = .admin
        default: return nil
        }
    }

    /// The room's name on the wire (the agent channel is always `agent:me` to its one listener).
    var description: String {
        switch self {
        case .ticket(let id): "ticket:\(id)"
        case .queue(let id): "queue:\(id)"
        case .agent: "agent:me"
        case .admin: "admin"
        }
    }

    /// Whether `event` belongs to this room. Who may hear it at all is `RealtimeAccess.mayReceive`.
    func contains(_ event: DomainEvent) -> Bool {
        switch self {
        case .ticket(let id): event.ticketID == id
        case .queue(let id): event.departmentID == id
        case .agent(let id): event.agentID == id
        case .admin: true
        }
    }
}
