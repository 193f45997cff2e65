import Domain
import GRDB

/// A row of `messages`, mapped to and from `Message`.
enum MessageRow {
    static let selectSQL = """
        SELECT id, organization_id, ticket_id, author_id, kind, body, is_internal, attachment_ids, created_at
        FROM messages
        """

    static func insert(_ db: Database, _ message: Message) throws {
        try db.run(
            sql: """
                INSERT INTO messages (id, organization_id, ticket_id, author_id, kind, body, is_internal, attachment_ids, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                message.id.description, message.organizationID.description, message.ticketID.description,
                message.authorID?.description, message.kind.rawValue, message.body, message.isInternal,
                try JSONColumn.encode(message.attachmentIDs), message.createdAt.millisecondsSince1970,
            ])
    }

    static func message(from row: Row) throws -> Message {
        Message(
            id: try row.id("id"),
            organizationID: try row.id("organization_id"),
            ticketID: try row.id("ticket_id"),
            authorID: try row.optionalID("author_id"),
            kind: try row.enumeration("kind"),
            body: try row.text("body"),
            isInternal: try row.bool("is_internal"),
            attachmentIDs: try row.json("attachment_ids"),
            createdAt: try row.date("created_at"))
    }
}
