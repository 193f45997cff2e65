import Domain
import GRDB

extension SQLiteStorage {
    public func availabilityChanges(agent: UserID, in organization: OrganizationID, limit: Int) async throws -> [AvailabilityChange] {
        try await read { db in
            try db.rows(
                sql: "\(AvailabilityChangeRow.selectSQL) WHERE organization_id = ? AND agent_id = ? ORDER BY at DESC, id DESC LIMIT ?",
                arguments: [organization.description, agent.description, max(0, limit)]
            ).map(AvailabilityChangeRow.record(from:))
        }
    }
}
