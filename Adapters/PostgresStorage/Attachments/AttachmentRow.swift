import Domain
import Foundation
import PostgresNIO

/// A row of `attachments`, mapped to and from `Attachment`, and the statements that change one.
enum AttachmentRow {
    static let columns = """
        id, organization_id, ticket_id, uploader_id, message_id, is_internal, filename, safe_filename, content_type, kind, \
        size, sha256, file_key, created_at
        """
    static let selectSQL = "SELECT \(columns) FROM attachments"

    /// Inserts the attachment if its ticket exists in its organization; reports whether it did.
    static func insert(_ transaction: Transaction, _ a: Attachment) async throws -> Bool {
        try await transaction.affectsRow("""
            INSERT INTO attachments (\(unescaped: columns))
            SELECT \(a.id.uuid), organization_id, id, \(a.uploaderID.uuid), \(a.messageID?.uuid), \(a.isInternal), \(a.filename),
                \(a.safeFilename), \(a.contentType), \(a.kind.rawValue), \(a.size), \(a.sha256), \(a.fileKey.value), \(Timestamp(a.createdAt))
            FROM tickets WHERE id = \(a.ticketID.uuid) AND organization_id = \(a.organizationID.uuid)
            RETURNING 1
            """)
    }

    /// Attaches a pending upload; false when it is absent or already attached.
    static func attach(_ transaction: Transaction, _ id: AttachmentID, organization: OrganizationID, message: MessageID, isInternal: Bool) async throws -> Bool {
        try await transaction.affectsRow("""
            UPDATE attachments SET message_id = \(message.uuid), is_internal = \(isInternal)
            WHERE id = \(id.uuid) AND organization_id = \(organization.uuid) AND message_id IS NULL
            RETURNING 1
            """)
    }

    /// Deletes a pending upload; false when nothing was deleted (absent, or attached meanwhile).
    static func deletePending(_ transaction: Transaction, _ id: AttachmentID, organization: OrganizationID) async throws -> Bool {
        try await transaction.affectsRow("""
            DELETE FROM attachments WHERE id = \(id.uuid) AND organization_id = \(organization.uuid) AND message_id IS NULL
            RETURNING 1
            """)
    }

    static func attachment(from row: RowReader) throws -> Attachment {
        let key = try row.text("file_key")
        let fileKey: FileKey
        do { fileKey = try FileKey(key) } catch { throw CorruptRow(reason: "attachments.file_key holds \(key), not a file key") }
        return Attachment(
            id: try row.id("id"),
            organizationID: try row.id("organization_id"),
            ticketID: try row.id("ticket_id"),
            uploaderID: try row.id("uploader_id"),
            messageID: try row.optionalID("message_id"),
            isInternal: try row.bool("is_internal"),
            filename: try row.text("filename"),
            safeFilename: try row.text("safe_filename"),
            contentType: try row.text("content_type"),
            kind: try row.enumeration("kind"),
            size: try row.value("size", as: Int64.self),
            sha256: try row.text("sha256"),
            fileKey: fileKey,
            createdAt: try row.date("created_at"))
    }
}
