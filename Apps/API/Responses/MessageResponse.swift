import Domain

/// One entry of a ticket's thread. Customers never receive internal notes (the use case filters them).
struct MessageResponse: Encodable, Sendable {
    let id: String
    let ticketId: String
    @Nullable var authorId: String?
    let kind: String
    let body: String
    let `internal`: Bool
    let attachmentIds: [String]
    /// The files of this message the caller may see (all of them: a caller who sees the message sees its files).
    let attachments: [AttachmentResponse]
    let createdAt: String

    /// `attachments` are the ticket's attachments; those of this message are listed.
    init(_ message: Message, attachments: [Attachment] = []) {
        id = message.id.description
        ticketId = message.ticketID.description
        authorId = message.authorID?.description
        kind = message.kind.rawValue
        body = message.body
        self.internal = message.isInternal
        attachmentIds = message.attachmentIDs.map(\.description)
        self.attachments = attachments.filter { $0.messageID == message.id }.map(AttachmentResponse.init)
        createdAt = WireTime.string(message.createdAt)
    }
}
