import Foundation

/// Something that happened, for real-time delivery (§7). Recorded by use cases in the unit of work of the
/// change that caused it (`UnitOfWork.Change.recordEvent`) and published by `EventRelay` once committed.
public struct DomainEvent: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case ticketCreated = "ticket.created"
        case ticketUpdated = "ticket.updated"
        case ticketAssigned = "ticket.assigned"
        case ticketEscalated = "ticket.escalated"
        case messageCreated = "message.created"
        case queueUpdated = "queue.updated"
        case slaWarning = "sla.warning"
        case slaBreached = "sla.breached"
        case agentStatusChanged = "agent.status_changed"
        // MARK: realtime
        /// Someone is typing in a ticket's conversation (sent by clients, relayed live, never stored).
        case typing = "typing"
        /// A participant read a ticket's messages up to one message.
        case messageRead = "message.read"
        // MARK: realtime permissions
        /// A staff member's departments changed (`agentID` names them): what they may follow changed with them.
        case agentDepartmentsChanged = "agent.departments_changed"
    }

    public let kind: Kind
    public let organizationID: OrganizationID
    public let ticketID: TicketID?
    public let departmentID: DepartmentID?
    /// The agent concerned (assignee, agent whose status changed).
    public let agentID: UserID?
    /// Staff-only events (internal notes) are never delivered to customers.
    public let staffOnly: Bool
    /// JSON-compatible payload.
    public let data: [String: String]
    public let at: Date

    public init(
        kind: Kind, organizationID: OrganizationID, ticketID: TicketID? = nil, departmentID: DepartmentID? = nil,
        agentID: UserID? = nil, staffOnly: Bool = false, data: [String: String] = [:], at: Date
    ) {
        self.kind = kind
        self.organizationID = organizationID
        self.ticketID = ticketID
        self.departmentID = departmentID
        self.agentID = agentID
        self.staffOnly = staffOnly
        self.data = data
        self.at = at
    }
}

/// An event as delivered: with the transport's sequence number.
public struct PublishedEvent: Sendable, Equatable {
    /// Strictly increasing per transport (across processes where the transport spans them).
    public let sequence: Int64
    public let event: DomainEvent

    public init(sequence: Int64, event: DomainEvent) {
        self.sequence = sequence
        self.event = event
    }
}

/// The transport port: fans domain events out to every subscriber, in every process it spans.
///
/// Rules: each subscriber receives every event published after it subscribed, in publish order,
/// numbered with increasing sequence numbers; `events(after:)` replays what a reconnecting client
/// missed, as far back as the transport retains; a slow subscriber loses its own events (its stream
/// ends), it never blocks publishers or other subscribers.
public protocol Transport: Sendable {
    /// Publishes events in order; returns them as numbered.
    @discardableResult
    func publish(_ events: [DomainEvent]) async throws -> [PublishedEvent]
    /// A live stream of events published from now on. Ends when the subscriber falls too far behind.
    func subscribe() async -> AsyncStream<PublishedEvent>
    /// Retained events with a sequence number greater than `sequence`, oldest first.
    func events(after sequence: Int64) async throws -> [PublishedEvent]
}
