import Foundation

/// A notification decided by a use case, stored in the outbox with its change and rendered at delivery:
/// the ticket's number is only known once the change committed, and a template fixed in the meantime
/// applies to what is still undelivered.
public struct NotificationRequest: Sendable, Equatable, Codable {
    /// Becomes the delivered `Notification.id`, stable across retries (receivers de-duplicate on it).
    public let id: NotificationID
    public let organizationID: OrganizationID
    public let kind: Notification.Kind
    public let recipient: Recipient
    public let ticketID: TicketID
    /// Event-time values for the template (message body, reason …); ticket fields are added at delivery.
    public let values: [String: String]
    public let createdAt: Date

    public init(
        id: NotificationID, organizationID: OrganizationID, kind: Notification.Kind, recipient: Recipient,
        ticketID: TicketID, values: [String: String] = [:], createdAt: Date
    ) {
        self.id = id
        self.organizationID = organizationID
        self.kind = kind
        self.recipient = recipient
        self.ticketID = ticketID
        self.values = values
        self.createdAt = createdAt
    }

    /// The delivered notification: the template for `kind` filled with ticket fields and event values.
    public func render(ticket: Ticket, organization: Organization, template: NotificationTemplate? = nil) -> Notification {
        var context = values
        context["ticket.number"] = ticket.number.formatted(prefix: organization.settings.ticketPrefix)
        context["ticket.subject"] = ticket.subject
        context["ticket.status"] = ticket.status.rawValue
        context["ticket.priority"] = ticket.priority.rawValue
        context["customer.name"] = ticket.contact.name
        context["recipient.name"] = recipient.name
        context["organization.name"] = organization.name
        let rendered = (template ?? DefaultTemplates.template(for: kind)).render(context)
        return Notification(
            id: id, organizationID: organizationID, kind: kind, recipient: recipient, subject: rendered.subject,
            textBody: rendered.text, htmlBody: rendered.html, ticketID: ticketID, createdAt: createdAt
        )
    }
}
