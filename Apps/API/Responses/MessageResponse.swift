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
    let createdAt: String

    init(_ message: Message) {
        id = message.id.description
        ticketId = message.ticketID.description
        authorId = message.authorID?.description
        kind = message.kind.rawValue
        body = message.body
        self.internal = message.isInternal
        attachmentIds = message.attachmentIDs.map(\.description)
        createdAt = WireTime.string(message.createdAt)
    }
}
