import Foundation

/// A message to a person about something that happened (§8). Rendered by the domain; the notifier
/// only delivers it.
public struct Notification: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case ticketCreated = "ticket_created"
        case ticketAssigned = "ticket_assigned"
        case statusChanged = "status_changed"
        case replyAdded = "reply_added"
        case slaWarning = "sla_warning"
        case slaBreached = "sla_breached"
        case escalated
        case satisfactionSurvey = "satisfaction_survey"
    }

    public let id: NotificationID
    public let organizationID: OrganizationID
    public let kind: Kind
    public let recipient: Recipient
    public let subject: String
    public let textBody: String
    public let htmlBody: String?
    /// Ticket it is about, for threading (`Message-ID` / `In-Reply-To` in mail adapters).
    public let ticketID: TicketID?
    public let createdAt: Date

    public init(
        id: NotificationID, organizationID: OrganizationID, kind: Kind, recipient: Recipient, subject: String,
        textBody: String, htmlBody: String? = nil, ticketID: TicketID? = nil, createdAt: Date
    ) {
        self.id = id
        self.organizationID = organizationID
        self.kind = kind
        self.recipient = recipient
        self.subject = subject
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.ticketID = ticketID
        self.createdAt = createdAt
    }
}

public struct Recipient: Sendable, Equatable, Codable {
    public let userID: UserID?
    public let name: String
    public let email: EmailAddress

    public init(userID: UserID?, name: String, email: EmailAddress) {
        self.userID = userID
        self.name = name
        self.email = email
    }
}

/// Why a delivery failed: a temporary failure is retried with backoff, a permanent one is not.
public enum NotifierError: Error, Sendable, Equatable {
    case temporary(reason: String)
    case permanent(reason: String)
}

/// The notifier port: delivers one notification.
///
/// Rules: `deliver` returns only once the notification is handed over (written, accepted by the
/// server). It may be called again with the same notification after a failure or a crash, so adapters
/// pass `Notification.id` along (e.g. as `Message-ID`) for receivers to de-duplicate. Failures are
/// `NotifierError`; an adapter never swallows one.
public protocol Notifier: Sendable {
    func deliver(_ notification: Notification) async throws
}
