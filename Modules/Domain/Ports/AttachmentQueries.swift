import Foundation

/// Reads of attachment records (the bytes are in the `FileStore`).
public protocol AttachmentQueries: Sendable {
    /// The attachment with this id in the organization; `nil` when absent (or of another organization).
    func attachment(id: AttachmentID, in organization: OrganizationID) async throws -> Attachment?
    /// Every attachment of a ticket, attached or pending, ordered by `createdAt` then id.
    func attachments(ticket: TicketID, in organization: OrganizationID) async throws -> [Attachment]
    /// Pending uploads (no message) created strictly before `createdBefore`, across organizations,
    /// oldest first (then id), at most `limit`: what the cleanup job deletes.
    func unattachedAttachments(createdBefore: Date, limit: Int) async throws -> [Attachment]
}
