import Domain
import Foundation

/// Plain-text renderings of tickets for the terminal.
enum TicketText {
    static func time(_ date: Date) -> String { date.formatted(.iso8601) }

    static func row(_ t: Ticket, prefix: String) -> String {
        [t.number.formatted(prefix: prefix), t.status.rawValue, t.priority.rawValue, t.category, time(t.createdAt), t.subject]
            .joined(separator: "  ")
    }

    static func detail(_ t: Ticket, prefix: String) -> String {
        var lines = [
            "\(t.number.formatted(prefix: prefix))  \(t.subject)",
            "id:        \(t.id)",
            "status:    \(t.status.rawValue)   priority: \(t.priority.rawValue)   category: \(t.category)   channel: \(t.channel.rawValue)",
            "customer:  \(t.contact.name) <\(t.contact.email?.value ?? "-")>",
            "assignee:  \(t.assigneeID?.description ?? "-")   department: \(t.departmentID?.description ?? "-")   tier: \(t.tier)",
            "created:   \(time(t.createdAt))   updated: \(time(t.updatedAt))   version: \(t.version)",
        ]
        if !t.tags.isEmpty { lines.append("tags:      \(t.tags.joined(separator: ", "))") }
        if let r = t.resolution { lines.append("resolved:  \(r.kind.rawValue): \(r.summary)") }
        lines.append("\n\(t.description)")
        return lines.joined(separator: "\n")
    }

    static func message(_ m: Message) -> String {
        "  [\(time(m.createdAt))] \(m.kind.rawValue)\(m.isInternal ? " (internal)" : ""): \(m.body)"
    }

    static func audit(_ e: AuditEvent) -> String {
        let changes = e.changes.map { "\($0.field): \($0.before ?? "-") -> \($0.after ?? "-")" }.joined(separator: ", ")
        return "  [\(time(e.at))] \(e.kind.rawValue)\(changes.isEmpty ? "" : " \(changes)")\(e.note.map { " — \($0)" } ?? "")"
    }
}
