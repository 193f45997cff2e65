import Domain
import Foundation

extension MemoryStorage {
    public func attachment(id: AttachmentID, in organization: OrganizationID) async throws -> Attachment? {
        try ensureAvailable()
        return state.attachments[id].flatMap { $0.organizationID == organization ? $0 : nil }
    }

    public func attachments(ticket: TicketID, in organization: OrganizationID) async throws -> [Attachment] {
        try ensureAvailable()
        return state.attachments.values
            .filter { $0.ticketID == ticket && $0.organizationID == organization }
            .sorted(by: Self.attachmentOrder)
    }

    public func unattachedAttachments(createdBefore: Date, limit: Int) async throws -> [Attachment] {
        try ensureAvailable()
        return Array(state.attachments.values
            .filter { $0.messageID == nil && $0.createdAt < createdBefore }
            .sorted(by: Self.attachmentOrder)
            .prefix(max(0, limit)))
    }

    /// `createdAt`, then id: the order the port promises.
    static func attachmentOrder(_ a: Attachment, _ b: Attachment) -> Bool {
        a.createdAt != b.createdAt ? a.createdAt < b.createdAt : a.id < b.id
    }
}
