import Domain
import Foundation

extension MemoryStorage {
    public func slaPolicies(in organization: OrganizationID) async throws -> [SLAPolicy] {
        try ensureAvailable()
        return state.slaPolicies[organization] ?? []
    }

    public func businessHours(in organization: OrganizationID) async throws -> [BusinessHours] {
        try ensureAvailable()
        return state.businessHours[organization] ?? []
    }

    public func ticketSLA(ticket: TicketID, in organization: OrganizationID) async throws -> TicketSLA? {
        try ensureAvailable()
        return state.ticketSLAs[ticket].flatMap { $0.organizationID == organization ? $0 : nil }
    }

    /// A scan over every record: the memory adapter holds test-sized data; the database adapters use an index.
    public func ticketSLAsDue(at now: Date, limit: Int) async throws -> [TicketSLA] {
        try ensureAvailable()
        let due = state.ticketSLAs.values.compactMap { record in record.nextCheckAt.flatMap { $0 <= now ? (record, $0) : nil } }
        return due.sorted { ($0.1, $0.0.ticketID) < ($1.1, $1.0.ticketID) }.prefix(max(0, limit)).map(\.0)
    }

    public func ticketSLAs(in organization: OrganizationID, createdFrom from: Date, before to: Date) async throws -> [TicketSLA] {
        try ensureAvailable()
        return state.ticketSLAs.values
            .filter { $0.organizationID == organization && $0.ticketCreatedAt >= from && $0.ticketCreatedAt < to }
            .sorted { ($0.ticketCreatedAt, $0.ticketID) < ($1.ticketCreatedAt, $1.ticketID) }
    }

    public func ticketSLAs(tickets: [TicketID], in organization: OrganizationID) async throws -> [TicketSLA] {
        try ensureAvailable()
        return Set(tickets).compactMap { state.ticketSLAs[$0] }.filter { $0.organizationID == organization }.sorted { $0.ticketID < $1.ticketID }
    }
}
