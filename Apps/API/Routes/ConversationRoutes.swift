import Domain
import Hummingbird

/// A ticket's thread and its audit history.
struct ConversationRoutes: Sendable {
    let deps: Dependencies
    let body: JSONBody
    let attachments: AttachmentUseCases

    func register(on group: RouterGroup<APIRequestContext>) {
        group.get("tickets/{id}/messages") { _, context in
            let identity = try context.requireIdentity()
            let id: TicketID = try RouteSupport.id("id", context)
            let messages = try await MessageUseCases(deps).thread(id, actor: identity.actor)
            let files = try await attachments.list(id, actor: identity.actor)
            return try JSONCoding.response(ListResponse(items: messages.map { MessageResponse($0, attachments: files) }, nextCursor: nil))
        }
        group.post("tickets/{id}/messages") { request, context in
            let identity = try context.requireIdentity()
            let id: TicketID = try RouteSupport.id("id", context)
            let input = try await body.decode(PostMessageRequest.self, from: request)
            var reader = FieldReader()
            let attachmentIDs: [FileID]? = reader.ids(input.attachmentIds, "attachmentIds")
            try reader.check()
            let message = try await MessageUseCases(deps).post(
                id, body: input.body, internal: input.internal ?? false, attachmentIDs: attachmentIDs ?? [], actor: identity.actor
            )
            let files = message.attachmentIDs.isEmpty ? [] : try await attachments.list(id, actor: identity.actor)
            return try JSONCoding.response(MessageResponse(message, attachments: files), status: .created)
        }
        group.get("tickets/{id}/history") { _, context in
            let identity = try context.requireIdentity()
            let events = try await TicketUseCases(deps).history(try RouteSupport.id("id", context), actor: identity.actor)
            return try JSONCoding.response(ListResponse(items: events.map(AuditEventResponse.init), nextCursor: nil))
        }
    }
}
