import Domain
import Foundation
import PostgresNIO

extension PostgresStorage {
    public func slaPolicies(in organization: OrganizationID) async throws -> [SLAPolicy] {
        try await read(
            "SELECT \(unescaped: SLAConfigurationRow.policyColumns) FROM sla_policies WHERE organization_id = \(organization.uuid) ORDER BY position",
            SLAConfigurationRow.policy(from:))
    }

    public func businessHours(in organization: OrganizationID) async throws -> [BusinessHours] {
        try await read(
            "SELECT \(unescaped: SLAConfigurationRow.hoursColumns) FROM business_hours WHERE organization_id = \(organization.uuid) ORDER BY position",
            SLAConfigurationRow.hours(from:))
    }

    public func ticketSLA(ticket: TicketID, in organization: OrganizationID) async throws -> TicketSLA? {
        try await readOne(
            "\(unescaped: TicketSLARow.selectSQL) WHERE ticket_id = \(ticket.uuid) AND organization_id = \(organization.uuid)",
            TicketSLARow.record(from:))
    }

    /// An index range scan of `ticket_sla_due` from its start, stopping after `limit` rows.
    public func ticketSLAsDue(at now: Date, limit: Int) async throws -> [TicketSLA] {
        try await read(
            """
            \(unescaped: TicketSLARow.selectSQL) WHERE next_check_at IS NOT NULL AND next_check_at <= \(Timestamp.notAfter(now))
            ORDER BY next_check_at, ticket_id LIMIT \(max(0, limit))
            """,
            TicketSLARow.record(from:))
    }

    public func ticketSLAs(in organization: OrganizationID, createdFrom from: Date, before to: Date) async throws -> [TicketSLA] {
        try await read(
            """
            \(unescaped: TicketSLARow.selectSQL) WHERE organization_id = \(organization.uuid)
                AND ticket_created_at >= \(Timestamp.notBefore(from)) AND ticket_created_at < \(Timestamp.notBefore(to))
            ORDER BY ticket_created_at, ticket_id
            """,
            TicketSLARow.record(from:))
    }

    public func ticketSLAs(tickets: [TicketID], in organization: OrganizationID) async throws -> [TicketSLA] {
        guard !tickets.isEmpty else { return [] }
        let ids = Array(Set(tickets.map(\.uuid)))
        return try await read(
            "\(unescaped: TicketSLARow.selectSQL) WHERE organization_id = \(organization.uuid) AND ticket_id = ANY(\(ids)) ORDER BY ticket_id",
            TicketSLARow.record(from:))
    }
}
