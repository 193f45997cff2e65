import Domain
import GRDB

extension SQLiteStorage {
    public func auditEvents(tickets: [TicketID], in organization: OrganizationID) async throws -> [TicketID: [AuditEvent]] {
        let ids = Array(Set(tickets.map(\.description))).sorted()
        guard !ids.isEmpty else { return [:] }
        return try await read { db in
            var history: [TicketID: [AuditEvent]] = [:]
            // Chunked below SQLite's bound-parameter limit; an assignment unit is one chunk.
            for start in stride(from: 0, to: ids.count, by: 500) {
                let chunk = Array(ids[start..<min(start + 500, ids.count)])
                let rows = try db.rows(
                    sql: """
                        \(AuditEventRow.selectSQL) WHERE organization_id = ? AND ticket_id IN (\(SQLList.placeholders(chunk.count)))
                        ORDER BY ticket_id, seq
                        """,
                    arguments: StatementArguments([organization.description] + chunk))
                for row in rows {
                    let event = try AuditEventRow.event(from: row)
                    history[event.ticketID, default: []].append(event)
                }
            }
            return history
        }
    }
}
