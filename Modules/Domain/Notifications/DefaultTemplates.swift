import Foundation

/// The templates used when an organization has not written its own (§8).
/// Placeholders: ticket.number, ticket.subject, ticket.status, ticket.priority, customer.name,
/// agent.name, recipient.name, message.body, reason, resolution.summary, organization.name.
public enum DefaultTemplates {
    public static func template(for kind: Notification.Kind) -> NotificationTemplate {
        switch kind {
        case .ticketCreated:
            make("[{{ticket.number}}] We received your request: {{ticket.subject}}",
                 "Hello {{recipient.name}},\n\nthank you for contacting {{organization.name}}. Your request {{ticket.number}} (\"{{ticket.subject}}\") has been received; we will answer as soon as possible. Reply to this message to add information.")
        case .ticketAssigned:
            make("[{{ticket.number}}] Assigned to you: {{ticket.subject}}",
                 "Hello {{recipient.name}},\n\nticket {{ticket.number}} (\"{{ticket.subject}}\", priority {{ticket.priority}}) from {{customer.name}} is now yours.")
        case .statusChanged:
            make("[{{ticket.number}}] Status changed to {{ticket.status}}",
                 "Hello {{recipient.name}},\n\nthe status of {{ticket.number}} (\"{{ticket.subject}}\") is now {{ticket.status}}.{{reason}}")
        case .replyAdded:
            make("[{{ticket.number}}] New reply: {{ticket.subject}}",
                 "Hello {{recipient.name}},\n\n{{message.body}}\n\n— reply to this message to answer.")
        case .slaWarning:
            make("[{{ticket.number}}] SLA at risk: {{ticket.subject}}",
                 "Hello {{recipient.name}},\n\nticket {{ticket.number}} is close to its SLA target. {{reason}}")
        case .slaBreached:
            make("[{{ticket.number}}] SLA breached: {{ticket.subject}}",
                 "Hello {{recipient.name}},\n\nticket {{ticket.number}} has missed its SLA target. {{reason}}")
        case .escalated:
            make("[{{ticket.number}}] Escalated: {{ticket.subject}}",
                 "Hello {{recipient.name}},\n\nticket {{ticket.number}} (\"{{ticket.subject}}\") was escalated to you. Reason: {{reason}}")
        case .satisfactionSurvey:
            make("[{{ticket.number}}] Resolved: {{ticket.subject}} — how did we do?",
                 "Hello {{recipient.name}},\n\nyour request {{ticket.number}} was resolved: {{resolution.summary}}\n\nPlease rate the help you got (1–5) from your ticket page. If the problem is not solved, reply to reopen it.")
        }
    }

    /// The HTML part mirrors the text: paragraphs from blank-line-separated blocks.
    private static func make(_ subject: String, _ text: String) -> NotificationTemplate {
        let paragraphs = text.components(separatedBy: "\n\n").map { "<p>" + $0.replacingOccurrences(of: "\n", with: "<br>") + "</p>" }
        return NotificationTemplate(subject: subject, text: text, html: "<html><body>" + paragraphs.joined() + "</body></html>")
    }
}
