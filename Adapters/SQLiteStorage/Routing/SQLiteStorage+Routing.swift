import Domain
import GRDB

extension SQLiteStorage {
    public func routingQueue(in organization: OrganizationID, limit: Int) async throws -> [QueuedTicket] {
        try await waitingTickets(in: organization, limit: limit).map { QueuedTicket($0) }
    }

    public func waitingTickets(in organization: OrganizationID, limit: Int) async throws -> [Ticket] {
        let statuses = RoutingSQL.queueStatuses
        return try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    \(TicketRow.selectSQL)
                    WHERE organization_id = ? AND assignee_id IS NULL AND status IN (\(SQLList.placeholders(statuses.count)))
                    ORDER BY priority DESC, created_at ASC, id ASC
                    LIMIT ?
                    """,
                arguments: StatementArguments([organization.description] + statuses) + [max(0, limit)]
            ).map(TicketRow.ticket(from:))
        }
    }

    public func routingCursors(in organization: OrganizationID) async throws -> [RoutingCursor] {
        try await read { db in
            try db.rows(sql: "\(RoutingCursorRow.selectSQL) WHERE organization_id = ?", arguments: [organization.description])
                .map(RoutingCursorRow.cursor(from:))
        }
    }
}

/// Constants the routing statements share.
enum RoutingSQL {
    /// The statuses of a waiting ticket (`QueuedTicket.isWaitingInQueue`), as stored; the partial index of
    /// `RoutingSchema.v5` lists the same ones.
    static let queueStatuses = [TicketStatus.open, .reopened, .escalated].map(\.rawValue)

    /// Active statuses (`TicketStatus.active`), as stored.
    static let activeStatuses = TicketStatus.active.map(\.rawValue).sorted()
}
