import Domain

/// An attachment's metadata; the bytes are at `contentUrl`.
struct AttachmentResponse: Encodable, Sendable {
    let id: String
    let ticketId: String
    @Nullable var messageId: String?
    let uploaderId: String
    let filename: String
    let contentType: String
    let kind: String
    let size: Int64
    let sha256: String
    let `internal`: Bool
    let contentUrl: String
    let createdAt: String

    init(_ attachment: Attachment) {
        id = attachment.id.description
        ticketId = attachment.ticketID.description
        messageId = attachment.messageID?.description
        uploaderId = attachment.uploaderID.description
        filename = attachment.safeFilename
        contentType = attachment.contentType
        kind = attachment.kind.rawValue
        size = attachment.size
        sha256 = attachment.sha256
        self.internal = attachment.isInternal
        contentUrl = "/api/v1/attachments/\(attachment.id)/content"
        createdAt = WireTime.string(attachment.createdAt)
    }
}
