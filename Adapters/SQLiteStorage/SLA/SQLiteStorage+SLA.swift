import Domain
import Foundation
import GRDB

extension SQLiteStorage {
    public func slaPolicies(in organization: OrganizationID) async throws -> [SLAPolicy] {
        try await read { db in
            try db.rows(
                sql: "SELECT \(SLAConfigurationRow.policyColumns) FROM sla_policies WHERE organization_id = ? ORDER BY position",
                arguments: [organization.description]
            ).map(SLAConfigurationRow.policy(from:))
        }
    }

    public func businessHours(in organization: OrganizationID) async throws -> [BusinessHours] {
        try await read { db in
            try db.rows(
                sql: "SELECT \(SLAConfigurationRow.hoursColumns) FROM business_hours WHERE organization_id = ? ORDER BY position",
                arguments: [organization.description]
            ).map(SLAConfigurationRow.hours(from:))
        }
    }

    public func ticketSLA(ticket: TicketID, in organization: OrganizationID) async throws -> TicketSLA? {
        try await read { db in
            try db.row(sql: "\(TicketSLARow.selectSQL) WHERE ticket_id = ? AND organization_id = ?", arguments: [ticket.description, organization.description])
                .map(TicketSLARow.record(from:))
        }
    }

    public func ticketSLAsDue(at now: Date, limit: Int) async throws -> [TicketSLA] {
        try await read { db in
            try db.rows(sql: TicketSLARow.dueSQL, arguments: [now.millisecondsSince1970, max(0, limit)]).map(TicketSLARow.record(from:))
        }
    }

    public func ticketSLAs(in organization: OrganizationID, createdFrom from: Date, before to: Date) async throws -> [TicketSLA] {
        try await read { db in
            try db.rows(
                sql: """
                    \(TicketSLARow.selectSQL) WHERE organization_id = ? AND ticket_created_at >= ? AND ticket_created_at < ?
                    ORDER BY ticket_created_at, ticket_id
                    """,
                arguments: [organization.description, from.millisecondsSince1970, to.millisecondsSince1970]
            ).map(TicketSLARow.record(from:))
        }
    }

    public func ticketSLAs(tickets: [TicketID], in organization: OrganizationID) async throws -> [TicketSLA] {
        let ids = Array(Set(tickets.map(\.description))).sorted()
        guard !ids.isEmpty else { return [] }
        return try await read { db in
            // Chunked below SQLite's bound-parameter limit; a page of a ticket list is one chunk.
            // `+organization_id` keeps the planner on the primary key: without statistics it took the
            // organization's range of `ticket_sla_created` instead, a scan of every record of the
            // organization (170 ms per page of 50 over 1,000,000 tickets, against 5 ms by key).
            var records: [TicketSLA] = []
            for start in stride(from: 0, to: ids.count, by: 500) {
                let chunk = Array(ids[start..<min(start + 500, ids.count)])
                records += try db.rows(
                    sql: "\(TicketSLARow.selectSQL) WHERE +organization_id = ? AND ticket_id IN (\(SQLList.placeholders(chunk.count))) ORDER BY ticket_id",
                    arguments: StatementArguments([organization.description] + chunk)
                ).map(TicketSLARow.record(from:))
            }
            return records
        }
    }
}
