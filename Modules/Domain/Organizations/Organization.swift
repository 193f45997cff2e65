import Foundation

/// The tenant. Every other record belongs to exactly one organization and is invisible to the others.
public struct Organization: Sendable, Equatable {
    public let id: OrganizationID
    /// URL-safe unique handle (e.g. `demo`), used at login when an email exists in several organizations.
    public var slug: String
    public var name: String
    public var settings: OrganizationSettings
    public let createdAt: Date

    public init(id: OrganizationID, slug: String, name: String, settings: OrganizationSettings = .init(), createdAt: Date) {
        self.id = id
        self.slug = slug
        self.name = name
        self.settings = settings
        self.createdAt = createdAt
    }
}

/// Per-organization rules that use cases consult.
public struct OrganizationSettings: Sendable, Equatable, Codable {
    /// Prefix of human ticket numbers (`TKT` gives `TKT-000123`).
    public var ticketPrefix: String
    /// Ticket categories customers and agents may pick from (§3: configurable per organization).
    public var categories: [String]
    /// How long after resolution or closure a customer may still reopen a ticket.
    public var reopenWindowSeconds: Int
    /// Category given to tickets created without one.
    public var defaultCategory: String
    /// Templates the organization wrote, by `Notification.Kind` raw value; kinds without one use
    /// `DefaultTemplates`. Absent (nil) in settings stored before templates existed.
    public var notificationTemplates: [String: NotificationTemplate]?

    public static let standardCategories = [
        "account", "booking", "payment", "technical", "billing", "complaint",
        "feature_request", "bug_report", "general", "other",
    ]

    public init(
        ticketPrefix: String = "TKT",
        categories: [String] = OrganizationSettings.standardCategories,
        reopenWindowSeconds: Int = 14 * 24 * 3600,
        defaultCategory: String = "general"
    ) {
        self.ticketPrefix = ticketPrefix
        self.categories = categories
        self.reopenWindowSeconds = reopenWindowSeconds
        self.defaultCategory = defaultCategory
    }

    /// The organization's own template of `kind`, if it wrote one.
    public func notificationTemplate(for kind: Notification.Kind) -> NotificationTemplate? {
        notificationTemplates?[kind.rawValue]
    }

    /// Sets (or with nil removes) the organization's template of `kind`: what storage adapters apply for
    /// `UnitOfWork.Change.setNotificationTemplate`.
    public mutating func setNotificationTemplate(_ template: NotificationTemplate?, for kind: Notification.Kind) {
        var templates = notificationTemplates ?? [:]
        templates[kind.rawValue] = template
        notificationTemplates = templates.isEmpty ? nil : templates
    }
}
