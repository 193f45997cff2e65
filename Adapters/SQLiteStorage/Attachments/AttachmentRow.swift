import Domain
import GRDB

/// A row of `attachments`, mapped to and from `Attachment`, and the statements that change one.
enum AttachmentRow {
    static let columns = """
        id, organization_id, ticket_id, uploader_id, message_id, is_internal, filename, safe_filename, content_type, kind,
        size, sha256, file_key, created_at
        """
    static let selectSQL = "SELECT \(columns) FROM attachments"

    static func insert(_ db: Database, _ a: Attachment) throws {
        try db.run(
            sql: "INSERT INTO attachments (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: [
                a.id.description, a.organizationID.description, a.ticketID.description, a.uploaderID.description,
                a.messageID?.description, a.isInternal, a.filename, a.safeFilename, a.contentType, a.kind.rawValue,
                a.size, a.sha256, a.fileKey.value, a.createdAt.millisecondsSince1970,
            ])
    }

    /// Attaches a pending upload; false when it is absent or already attached.
    static func attach(_ db: Database, id: AttachmentID, organization: OrganizationID, message: MessageID, isInternal: Bool) throws -> Bool {
        try db.run(
            sql: "UPDATE attachments SET message_id = ?, is_internal = ? WHERE id = ? AND organization_id = ? AND message_id IS NULL",
            arguments: [message.description, isInternal, id.description, organization.description])
        return db.changesCount > 0
    }

    /// Deletes a pending upload; false when nothing was deleted (absent, or attached meanwhile).
    static func deletePending(_ db: Database, id: AttachmentID, organization: OrganizationID) throws -> Bool {
        try db.run(
            sql: "DELETE FROM attachments WHERE id = ? AND organization_id = ? AND message_id IS NULL",
            arguments: [id.description, organization.description])
        return db.changesCount > 0
    }

    static func attachment(from row: Row) throws -> Attachment {
        let key = try row.text("file_key")
        let fileKey: FileKey
        do { fileKey = try FileKey(key) } catch { throw CorruptRow(reason: "column file_key holds \(key), not a file key") }
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
            size: Int64(try row.integer("size")),
            sha256: try row.text("sha256"),
            fileKey: fileKey,
            createdAt: try row.date("created_at"))
    }
}
