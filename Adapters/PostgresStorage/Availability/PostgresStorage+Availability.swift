import Domain
import PostgresNIO

extension PostgresStorage {
    public func availabilityChanges(agent: UserID, in organization: OrganizationID, limit: Int) async throws -> [AvailabilityChange] {
        try await read(
            """
            \(unescaped: AvailabilityChangeRow.selectSQL) WHERE organization_id = \(organization.uuid) AND agent_id = \(agent.uuid)
            ORDER BY at DESC, id DESC LIMIT \(max(0, limit))
            """,
            AvailabilityChangeRow.record(from:))
    }
}
