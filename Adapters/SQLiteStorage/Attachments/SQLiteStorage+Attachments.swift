import Domain
import Foundation
import GRDB

extension SQLiteStorage {
    public func attachment(id: AttachmentID, in organization: OrganizationID) async throws -> Attachment? {
        try await read { db in
            try db.row(sql: "\(AttachmentRow.selectSQL) WHERE id = ? AND organization_id = ?", arguments: [id.description, organization.description])
                .map(AttachmentRow.attachment(from:))
        }
    }

    public func attachments(ticket: TicketID, in organization: OrganizationID) async throws -> [Attachment] {
        try await read { db in
            try db.rows(
                sql: "\(AttachmentRow.selectSQL) WHERE ticket_id = ? AND organization_id = ? ORDER BY created_at, id",
                arguments: [ticket.description, organization.description]
            ).map(AttachmentRow.attachment(from:))
        }
    }

    public func unattachedAttachments(createdBefore: Date, limit: Int) async throws -> [Attachment] {
        try await read { db in
            try db.rows(
                sql: "\(AttachmentRow.selectSQL) WHERE message_id IS NULL AND created_at < ? ORDER BY created_at, id LIMIT ?",
                arguments: [createdBefore.millisecondsSince1970, max(0, limit)]
            ).map(AttachmentRow.attachment(from:))
        }
    }
}
