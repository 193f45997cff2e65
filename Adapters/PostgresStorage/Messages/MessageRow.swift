import Domain
import PostgresNIO

/// A row of `messages`, mapped to and from `Message`.
enum MessageRow {
    static let selectSQL = """
        SELECT id, organization_id, ticket_id, author_id, kind, body, is_internal, attachment_ids, created_at
        FROM messages
        """

    /// Inserts the message if its ticket exists in its organization; reports whether it did.
    static func insert(_ transaction: Transaction, _ message: Message) async throws -> Bool {
        try await transaction.affectsRow("""
            INSERT INTO messages (id, organization_id, ticket_id, author_id, kind, body, is_internal, attachment_ids, created_at)
            SELECT \(message.id.uuid), organization_id, id, \(message.authorID?.uuid), \(message.kind.rawValue), \(message.body),
                \(message.isInternal), \(message.attachmentIDs.map(\.uuid)), \(Timestamp(message.createdAt))
            FROM tickets WHERE id = \(message.ticketID.uuid) AND organization_id = \(message.organizationID.uuid)
            RETURNING 1
            """)
    }

    static func message(from row: RowReader) throws -> Message {
        Message(
            id: try row.id("id"),
            organizationID: try row.id("organization_id"),
            ticketID: try row.id("ticket_id"),
            authorID: try row.optionalID("author_id"),
            kind: try row.enumeration("kind"),
            body: try row.text("body"),
            isInternal: try row.bool("is_internal"),
            attachmentIDs: try row.ids("attachment_ids"),
            createdAt: try row.date("created_at"))
    }
}
