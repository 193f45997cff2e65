import Domain
import Foundation

extension MemoryStorage {
    public func availabilityChanges(agent: UserID, in organization: OrganizationID, limit: Int) async throws -> [AvailabilityChange] {
        try ensureAvailable()
        let records = (state.availabilityChanges[agent] ?? []).filter { $0.organizationID == organization }
        return Array(records.sorted { ($0.at, $0.id) > ($1.at, $1.id) }.prefix(max(0, limit)))
    }
}
