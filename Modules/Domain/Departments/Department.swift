import Foundation

/// A team that owns tickets of a kind (e.g. "General Support", tier 1).
public struct Department: Sendable, Equatable {
    public let id: DepartmentID
    public let organizationID: OrganizationID
    /// Unique within the organization.
    public var name: String
    public var description: String
    public var tier: Int
    public var routingStrategy: RoutingStrategy
    /// What happens to an agent's open tickets of this department when the agent goes offline or away (§5).
    public var offlinePolicy: OfflinePolicy
    public let createdAt: Date
    public var updatedAt: Date
    public var version: Int

    public init(
        id: DepartmentID, organizationID: OrganizationID, name: String, description: String = "", tier: Int = 1,
        routingStrategy: RoutingStrategy = .roundRobin, offlinePolicy: OfflinePolicy = .keepAssigned, createdAt: Date,
        updatedAt: Date? = nil, version: Int = 1
    ) {
        self.id = id
        self.organizationID = organizationID
        self.name = name
        self.description = description
        self.tier = tier
        self.routingStrategy = routingStrategy
        self.offlinePolicy = offlinePolicy
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.version = version
    }
}

/// How auto-assignment picks among eligible agents of a department (§5).
public enum RoutingStrategy: String, Sendable, Codable, CaseIterable {
    case roundRobin = "round_robin"
    case leastLoaded = "least_loaded"
}

/// What happens to an agent's open tickets of a department when the agent goes `offline` or `away` (§5).
public enum OfflinePolicy: String, Sendable, Codable, CaseIterable {
    /// They stay with the agent, who picks them up on return.
    case keepAssigned = "keep_assigned"
    /// They go back to the department's queue, in the same unit of work as the agent's status change.
    case returnToQueue = "return_to_queue"
}
