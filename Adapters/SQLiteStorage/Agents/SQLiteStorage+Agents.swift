import Domain
import GRDB

extension SQLiteStorage {
    public func agentProfile(userID: UserID, in organization: OrganizationID) async throws -> AgentProfile? {
        try await read { db in
            try db.row(sql: "\(AgentProfileRow.selectSQL) WHERE user_id = ? AND organization_id = ?",
                             arguments: [userID.description, organization.description])
                .map(AgentProfileRow.profile(from:))
        }
    }

    public func agentProfiles(in organization: OrganizationID) async throws -> [AgentProfile] {
        try await read { db in
            try db.rows(sql: "\(AgentProfileRow.selectSQL) WHERE organization_id = ? ORDER BY user_id",
                             arguments: [organization.description])
                .map(AgentProfileRow.profile(from:))
        }
    }

    public func activeTicketCount(of agent: UserID, in organization: OrganizationID) async throws -> Int {
        let active = RoutingSQL.activeStatuses
        return try await read { db in
            // One seek per status in tickets_assignee (organization, assignee, status).
            try Int.fetchOne(
                db,
                sql: "SELECT COUNT(*) FROM tickets WHERE organization_id = ? AND assignee_id = ? AND status IN (\(SQLList.placeholders(active.count)))",
                arguments: StatementArguments([organization.description, agent.description] + active)) ?? 0
        }
    }

    public func activeTicketCounts(in organization: OrganizationID) async throws -> [UserID: Int] {
        // The active statuses come from the Domain, so the count follows `TicketStatus.isActive`.
        let active = TicketStatus.active.map(\.rawValue).sorted()
        return try await read { db in
            let rows = try db.rows(
                sql: """
                    SELECT assignee_id, COUNT(*) AS active FROM tickets
                    WHERE organization_id = ? AND assignee_id IS NOT NULL AND status IN (\(SQLList.placeholders(active.count)))
                    GROUP BY assignee_id
                    """,
                arguments: StatementArguments([organization.description] + active))
            var counts: [UserID: Int] = [:]
            for row in rows {
                counts[try row.id("assignee_id")] = try row.integer("active")
            }
            return counts
        }
    }
}
