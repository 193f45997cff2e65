/// Admins' notification templates (§8: templates per event, per organization): an organization may
/// replace the default words of any kind of notification; deliveries not yet made use the new ones.
public struct NotificationTemplateUseCases: Sendable {
    let deps: Dependencies

    public init(_ deps: Dependencies) { self.deps = deps }

    /// The template deliveries of `kind` use in an organization, and whether the organization wrote it.
    public struct Effective: Sendable, Equatable {
        public let kind: Notification.Kind
        public let template: NotificationTemplate
        public let isCustom: Bool
    }

    /// Longest subject template; rendered subjects are one line.
    static let subjectLimit = 500
    /// Longest text or HTML template.
    static let bodyLimit = 100_000

    /// Every kind's effective template, in `Notification.Kind` order (admins).
    public func all(actor: Actor) async throws(DomainError) -> [Effective] {
        try AccessPolicy.authorize(actor, .manageUsers)
        let organization = try await OrganizationUseCases(deps).organization(id: actor.organizationID)
        return Notification.Kind.allCases.map { Self.effective($0, in: organization) }
    }

    /// One kind's effective template (admins).
    public func template(_ kind: Notification.Kind, actor: Actor) async throws(DomainError) -> Effective {
        try AccessPolicy.authorize(actor, .manageUsers)
        return Self.effective(kind, in: try await OrganizationUseCases(deps).organization(id: actor.organizationID))
    }

    /// Replaces the organization's template of `kind` (admins). Subject, text and HTML are required;
    /// the subject is one line. Placeholders are `{{name}}` (see `DefaultTemplates`); their values are
    /// HTML-escaped in the HTML body at rendering.
    public func set(_ kind: Notification.Kind, _ template: NotificationTemplate, actor: Actor) async throws(DomainError) -> Effective {
        try AccessPolicy.authorize(actor, .manageUsers)
        var v = Validator()
        if template.subject.trimmingWhitespace().isEmpty { v.fail("subject", "must not be empty") }
        if template.subject.count > Self.subjectLimit { v.fail("subject", "must be at most \(Self.subjectLimit) characters") }
        if template.subject.contains(where: \.isNewline) { v.fail("subject", "must be one line") }
        if template.text.trimmingWhitespace().isEmpty { v.fail("text", "must not be empty") }
        if template.text.count > Self.bodyLimit { v.fail("text", "must be at most \(Self.bodyLimit) characters") }
        if template.html.trimmingWhitespace().isEmpty { v.fail("html", "must not be empty") }
        if template.html.count > Self.bodyLimit { v.fail("html", "must be at most \(Self.bodyLimit) characters") }
        try v.check()
        _ = try await deps.commit(UnitOfWork([.setNotificationTemplate(actor.organizationID, kind: kind, template: template)]))
        return Effective(kind: kind, template: template, isCustom: true)
    }

    /// Goes back to the default template of `kind` (admins); doing so twice is harmless.
    public func reset(_ kind: Notification.Kind, actor: Actor) async throws(DomainError) -> Effective {
        try AccessPolicy.authorize(actor, .manageUsers)
        _ = try await deps.commit(UnitOfWork([.setNotificationTemplate(actor.organizationID, kind: kind, template: nil)]))
        return Effective(kind: kind, template: DefaultTemplates.template(for: kind), isCustom: false)
    }

    static func effective(_ kind: Notification.Kind, in organization: Organization) -> Effective {
        if let custom = organization.settings.notificationTemplate(for: kind) {
            return Effective(kind: kind, template: custom, isCustom: true)
        }
        return Effective(kind: kind, template: DefaultTemplates.template(for: kind), isCustom: false)
    }
}
