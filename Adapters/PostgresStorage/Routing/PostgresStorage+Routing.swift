import Domain
import Foundation
import PostgresNIO

extension PostgresStorage {
    public func routingQueue(in organization: OrganizationID, limit: Int) async throws -> [QueuedTicket] {
        try await waitingTickets(in: organization, limit: limit).map { QueuedTicket($0) }
    }

    public func waitingTickets(in organization: OrganizationID, limit: Int) async throws -> [Ticket] {
        try await read(
            """
            \(unescaped: TicketRow.selectSQL)
            WHERE organization_id = \(organization.uuid) AND assignee_id IS NULL AND status = ANY(\(RoutingSQL.queueStatuses))
            ORDER BY priority DESC, created_at ASC, id ASC
            LIMIT \(max(0, limit))
            """
        ) { row in try TicketRow.ticket(from: row) }
    }

    public func routingCursors(in organization: OrganizationID) async throws -> [RoutingCursor] {
        try await read("\(unescaped: RoutingCursorRow.selectSQL) WHERE organization_id = \(organization.uuid)", RoutingCursorRow.cursor(from:))
    }
}

/// Constants and statements the routing writes share.
enum RoutingSQL {
    /// The statuses of a waiting ticket (`QueuedTicket.isWaitingInQueue`), as stored; the partial index of
    /// `RoutingSchema.v5` lists the same ones.
    static let queueStatuses = [TicketStatus.open, .reopened, .escalated].map(\.rawValue)

    /// Active statuses (`TicketStatus.active`), as stored.
    static let activeStatuses = TicketStatus.active.map(\.rawValue).sorted()

    /// `UnitOfWork.Change.guardAgentCapacity`. The profile row is locked first (`FOR UPDATE`): every unit that
    /// guards or updates the agent queues here, and, under READ COMMITTED, the count that follows the lock sees
    /// every assignment committed before it plus this unit's own changes.
    static func guardCapacity(_ agentID: UserID, organization: OrganizationID, requireAvailable: Bool, _ transaction: Transaction) async throws {
        let profiles = try await transaction.rows("""
            SELECT availability, max_concurrent_tickets FROM agent_profiles
            WHERE user_id = \(agentID.uuid) AND organization_id = \(organization.uuid)
            FOR UPDATE
            """)
        guard let profile = profiles.first else { throw StorageError.missing(entity: StorageEntity.agentProfile, id: agentID.description) }
        let counts = try await transaction.rows("""
            SELECT count(*)::integer AS load FROM tickets
            WHERE organization_id = \(organization.uuid) AND assignee_id = \(agentID.uuid) AND status = ANY(\(activeStatuses))
            """)
        let load = try counts.first?.integer("load") ?? 0
        let available = try profile.text("availability") == Availability.available.rawValue
        guard load <= (try profile.integer("max_concurrent_tickets")), !requireAvailable || available else {
            throw StorageError.versionConflict(entity: StorageEntity.agentProfile, id: agentID.description)
        }
    }
}

extension RoutingSQL {
    /// Several `guardAgentCapacity` of one organization in a row, in two statements: every profile is locked first
    /// (in user id order, as one-by-one guards sorted by agent lock them), then the loads are counted (a statement
    /// after the locks, so that under READ COMMITTED it sees every assignment committed before them). Fails as the
    /// first failing guard in `guards`' order would.
    static func guardCapacities(_ guards: [(UserID, Bool)], organization: OrganizationID, _ transaction: Transaction) async throws {
        let ids = guards.map(\.0.uuid)
        let profiles = try await transaction.rows("""
            SELECT user_id, availability, max_concurrent_tickets FROM agent_profiles
            WHERE user_id = ANY(\(ids)) AND organization_id = \(organization.uuid)
            ORDER BY user_id
            FOR UPDATE
            """)
        var profileByAgent: [UUID: (available: Bool, capacity: Int)] = [:]
        for row in profiles {
            profileByAgent[try row.value("user_id", as: UUID.self)] = (
                try row.text("availability") == Availability.available.rawValue, try row.integer("max_concurrent_tickets")
            )
        }
        let counts = try await transaction.rows("""
            SELECT assignee_id, count(*)::integer AS load FROM tickets
            WHERE organization_id = \(organization.uuid) AND assignee_id = ANY(\(ids)) AND status = ANY(\(activeStatuses))
            GROUP BY assignee_id
            """)
        var loadByAgent: [UUID: Int] = [:]
        for row in counts { loadByAgent[try row.value("assignee_id", as: UUID.self)] = try row.integer("load") }
        for (agent, requireAvailable) in guards {
            guard let profile = profileByAgent[agent.uuid] else {
                throw StorageError.missing(entity: StorageEntity.agentProfile, id: agent.description)
            }
            guard loadByAgent[agent.uuid, default: 0] <= profile.capacity, !requireAvailable || profile.available else {
                throw StorageError.versionConflict(entity: StorageEntity.agentProfile, id: agent.description)
            }
        }
    }
}
