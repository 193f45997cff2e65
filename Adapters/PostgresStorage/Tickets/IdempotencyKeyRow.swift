import Domain
import PostgresNIO

/// A row of `idempotency_keys`, mapped to and from `IdempotencyRecord`.
enum IdempotencyKeyRow {
    static let selectSQL = "SELECT organization_id, user_id, key, fingerprint, ticket_id FROM idempotency_keys"

    /// Records that `key` created `ticket`; a second use of the key violates the primary key,
    /// reported as `.duplicate(.idempotencyKey)`.
    static func insert(_ transaction: Transaction, key: IdempotencyKey, ticket: TicketID) async throws {
        try await transaction.execute("""
            INSERT INTO idempotency_keys (organization_id, user_id, key, fingerprint, ticket_id)
            VALUES (\(key.organizationID.uuid), \(key.userID.uuid), \(key.key), \(key.fingerprint), \(ticket.uuid))
            """)
    }

    static func record(from row: RowReader) throws -> IdempotencyRecord {
        IdempotencyRecord(
            key: IdempotencyKey(
                organizationID: try row.id("organization_id"),
                userID: try row.id("user_id"),
                key: try row.text("key"),
                fingerprint: try row.text("fingerprint")),
            ticketID: try row.id("ticket_id"))
    }
}
