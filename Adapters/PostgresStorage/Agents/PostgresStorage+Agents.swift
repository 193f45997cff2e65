import Domain
import PostgresNIO

extension PostgresStorage {
    public func agentProfile(userID: UserID, in organization: OrganizationID) async throws -> AgentProfile? {
        try await readOne(
            "\(unescaped: AgentProfileRow.selectSQL) WHERE user_id = \(userID.uuid) AND organization_id = \(organization.uuid)",
            AgentProfileRow.profile(from:))
    }

    public func agentProfiles(in organization: OrganizationID) async throws -> [AgentProfile] {
        try await read(
            "\(unescaped: AgentProfileRow.selectSQL) WHERE organization_id = \(organization.uuid) ORDER BY user_id",
            AgentProfileRow.profile(from:))
    }

    public func activeTicketCount(of agent: UserID, in organization: OrganizationID) async throws -> Int {
        let active = TicketStatus.active.map(\.rawValue).sorted()
        let rows = try await read(
            """
            SELECT count(*) AS active FROM tickets
            WHERE organization_id = \(organization.uuid) AND assignee_id = \(agent.uuid) AND status = ANY(\(active))
            """
        ) { row in try row.integer("active") }
        return rows.first ?? 0
    }

    public func activeTicketCounts(in organization: OrganizationID) async throws -> [UserID: Int] {
        // The active statuses come from the Domain, so the count follows `TicketStatus.isActive`.
        let active = TicketStatus.active.map(\.rawValue).sorted()
        let rows = try await read(
            """
            SELECT assignee_id, count(*) AS active FROM tickets
            WHERE organization_id = \(organization.uuid) AND assignee_id IS NOT NULL AND status = ANY(\(active))
            GROUP BY assignee_id
            """
        ) { row in (try row.id("assignee_id", as: UserID.self), try row.integer("active")) }
        return Dictionary(uniqueKeysWithValues: rows)
    }
}
