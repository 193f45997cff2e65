import Foundation

extension SLATimeline {
    /// The timeline of `ticket` from its audit history: every recorded change of the `status` and
    /// `priority` fields (status changes, creation, priority changes), with `Ticket.firstResponseAt`.
    ///
    /// Events of other tickets are ignored. Should the history end in another status or priority than
    /// the ticket has (an event missing), the ticket's value is taken to apply from `updatedAt`.
    public init(ticket: Ticket, auditEvents: [AuditEvent]) {
        let events = auditEvents.enumerated()
            .filter { $0.element.ticketID == ticket.id }
            .sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }
            .map(\.element)
        var statuses: [Change<TicketStatus>] = []
        var priorities: [Change<Priority>] = []
        var initialPriority: Priority?
        for event in events {
            for change in event.changes {
                switch change.field {
                case "status":
                    if let status = change.after.flatMap(TicketStatus.init(rawValue:)) {
                        statuses.append(Change(at: event.at, status))
                    }
                case "priority":
                    if initialPriority == nil { initialPriority = change.before.flatMap(Priority.init(rawValue:)) ?? ticket.priority }
                    if let priority = change.after.flatMap(Priority.init(rawValue:)) {
                        priorities.append(Change(at: event.at, priority))
                    }
                default:
                    break
                }
            }
        }
        if (statuses.last?.value ?? .open) != ticket.status { statuses.append(Change(at: ticket.updatedAt, ticket.status)) }
        let initial = initialPriority ?? ticket.priority
        if (priorities.last?.value ?? initial) != ticket.priority { priorities.append(Change(at: ticket.updatedAt, ticket.priority)) }
        self.init(
            createdAt: ticket.createdAt, priority: initial, priorityChanges: priorities, statusChanges: statuses,
            firstResponseAt: ticket.firstResponseAt
        )
    }
}
