import Domain
import Foundation
import PostgresNIO

extension PostgresStorage {
    public func attachment(id: AttachmentID, in organization: OrganizationID) async throws -> Attachment? {
        try await readOne(
            "\(unescaped: AttachmentRow.selectSQL) WHERE id = \(id.uuid) AND organization_id = \(organization.uuid)",
            AttachmentRow.attachment(from:))
    }

    public func attachments(ticket: TicketID, in organization: OrganizationID) async throws -> [Attachment] {
        try await read(
            "\(unescaped: AttachmentRow.selectSQL) WHERE ticket_id = \(ticket.uuid) AND organization_id = \(organization.uuid) ORDER BY created_at, id",
            AttachmentRow.attachment(from:))
    }

    public func unattachedAttachments(createdBefore: Date, limit: Int) async throws -> [Attachment] {
        try await read(
            """
            \(unescaped: AttachmentRow.selectSQL) WHERE message_id IS NULL AND created_at < \(Timestamp(createdBefore))
            ORDER BY created_at, id LIMIT \(max(0, limit))
            """,
            AttachmentRow.attachment(from:))
    }
}
