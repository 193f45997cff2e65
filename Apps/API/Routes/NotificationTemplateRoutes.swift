import Domain
import Hummingbird

/// An organization's notification templates (§8: templates per event, per organization), for admins:
/// `{event}` is a `Notification.Kind` raw value such as `ticket_created`.
struct NotificationTemplateRoutes: Sendable {
    let deps: Dependencies
    let body: JSONBody

    func register(on group: RouterGroup<APIRequestContext>) {
        group.get("notification-templates") { _, context in
            let identity = try context.requireIdentity()
            let all = try await NotificationTemplateUseCases(deps).all(actor: identity.actor)
            return try JSONCoding.response(ListResponse(items: all.map(NotificationTemplateResponse.init), nextCursor: nil))
        }
        group.get("notification-templates/{event}") { _, context in
            let identity = try context.requireIdentity()
            let effective = try await NotificationTemplateUseCases(deps).template(try Self.event(context), actor: identity.actor)
            return try JSONCoding.response(NotificationTemplateResponse(effective))
        }
        group.put("notification-templates/{event}") { request, context in
            let identity = try context.requireIdentity()
            let event = try Self.event(context)
            let input = try await body.decode(NotificationTemplateRequest.self, from: request)
            // A missing field is an empty one: the use case names every empty field in one 422.
            let template = NotificationTemplate(subject: input.subject ?? "", text: input.text ?? "", html: input.html ?? "")
            let effective = try await NotificationTemplateUseCases(deps).set(event, template, actor: identity.actor)
            return try JSONCoding.response(NotificationTemplateResponse(effective))
        }
        group.delete("notification-templates/{event}") { _, context in
            let identity = try context.requireIdentity()
            let effective = try await NotificationTemplateUseCases(deps).reset(try Self.event(context), actor: identity.actor)
            return try JSONCoding.response(NotificationTemplateResponse(effective))
        }
    }

    /// The `{event}` path parameter; an unknown event is 404 (there is no such template).
    static func event(_ context: APIRequestContext) throws(DomainError) -> Notification.Kind {
        guard let text = context.parameters.get("event"), let kind = Notification.Kind(rawValue: text) else {
            throw .notFound(entity: "notification template")
        }
        return kind
    }
}

/// `PUT /api/v1/notification-templates/{event}`.
struct NotificationTemplateRequest: Decodable, Sendable {
    let subject: String?
    let text: String?
    let html: String?
}

/// A template as deliveries of its event use it.
struct NotificationTemplateResponse: Encodable, Sendable {
    let event: String
    let subject: String
    let text: String
    let html: String
    /// False while the organization uses the default.
    let custom: Bool

    init(_ effective: NotificationTemplateUseCases.Effective) {
        event = effective.kind.rawValue
        subject = effective.template.subject
        text = effective.template.text
        html = effective.template.html
        custom = effective.isCustom
    }
}
