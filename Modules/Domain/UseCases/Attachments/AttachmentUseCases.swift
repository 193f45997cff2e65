import Foundation

/// Files on tickets (§3 Files, §14): upload, read, download, and the cleanup of uploads never used.
///
/// Visibility: an attachment is visible to whoever sees its ticket, except that files of internal notes
/// are staff only, and a pending upload (not yet on a message) only to its uploader and staff.
/// What one may not see is "not found", never "forbidden" (existence must not leak).
public struct AttachmentUseCases: Sendable {
    let deps: Dependencies
    let files: any FileStore
    let limits: AttachmentLimits
    let tickets: TicketUseCases

    public init(_ deps: Dependencies, files: any FileStore, limits: AttachmentLimits = .default) {
        self.deps = deps
        self.files = files
        self.limits = limits
        tickets = TicketUseCases(deps)
    }

    /// The attachment if the actor may see it; `notFound(attachment)` otherwise.
    public func attachment(_ id: AttachmentID, actor: Actor) async throws(DomainError) -> Attachment {
        let found = try await deps.read { try await $0.attachment(id: id, in: actor.organizationID) }
        guard let found else { throw .notFound(entity: StorageEntity.attachment) }
        let ticket = try await deps.read { try await $0.ticket(id: found.ticketID, in: actor.organizationID) }
        guard let ticket, Self.isVisible(found, on: ticket, to: actor) else { throw .notFound(entity: StorageEntity.attachment) }
        return found
    }

    /// The attachments of a ticket the actor may see, oldest first.
    public func list(_ ticketID: TicketID, actor: Actor) async throws(DomainError) -> [Attachment] {
        let ticket = try await tickets.ticket(ticketID, actor: actor)
        let all = try await deps.read { try await $0.attachments(ticket: ticketID, in: actor.organizationID) }
        return all.filter { Self.isVisible($0, on: ticket, to: actor) }
    }

    /// The attachment and its bytes, streamed from the file store. A record whose object is gone is
    /// reported as unavailable (the store lost it), not as "not found".
    public func content(_ id: AttachmentID, actor: Actor) async throws(DomainError) -> (Attachment, ByteStream) {
        let found = try await attachment(id, actor: actor)
        let object: (StoredFile, ByteStream)?
        do {
            object = try await files.get(found.fileKey)
        } catch {
            throw .unavailable(reason: "the file store failed: \(error)")
        }
        guard let object else { throw .unavailable(reason: "the file of attachment \(id) is missing from the file store") }
        return (found, object.1)
    }

    static func isVisible(_ attachment: Attachment, on ticket: Ticket, to actor: Actor) -> Bool {
        guard AccessPolicy.canView(actor, ticket) else { return false }
        if AccessPolicy.seesInternal(actor) { return true }
        if attachment.isInternal { return false }
        return attachment.messageID != nil || attachment.uploaderID == actor.userID
    }
}
