import Domain
import Foundation

extension StorageFixture.Tenant {
    /// Threads on the first two tickets and on the fully set one. Insertion order deliberately differs
    /// from thread order (creation time, then id), and some messages share a creation time.
    static func makeMessages(space: UInt64, organizationID: OrganizationID, tickets: [Ticket], customer: User, agent: User, admin: User) -> [Message] {
        var messages: [Message] = []
        var next = 0
        func add(_ ticket: Ticket, _ author: User?, _ kind: Message.Kind, _ body: String, isNote: Bool, minute: Int, attachments: [FileID] = []) {
            let at = Date(millisecondsSince1970: ticket.createdAt.millisecondsSince1970 + Int64(minute) * 60_000 + 9)
            messages.append(Message(
                id: FixtureID.scrambled(space + 4, next), organizationID: organizationID, ticketID: ticket.id, authorID: author?.id,
                kind: kind, body: body, isInternal: isNote, attachmentIDs: attachments, createdAt: at
            ))
            next += 1
        }
        let full = tickets[tickets.count - 1]
        add(full, agent, .agent, "We are looking into it.", isNote: false, minute: 5)
        add(full, customer, .customer, "My refund is missing.\nOrder ORD-77.", isNote: false, minute: 0,
            attachments: [FixtureID.make(space + 6, 0), FixtureID.make(space + 6, 1)])
        add(full, agent, .agent, "Customer was charged twice — check the bank log.", isNote: true, minute: 5)
        add(full, nil, .system, "Ticket escalated to Billing.", isNote: false, minute: 30)
        add(full, admin, .admin, "Approved manual refund.", isNote: true, minute: 199)
        add(full, customer, .customer, "Thanks!", isNote: false, minute: 5)
        add(tickets[0], customer, .customer, "Hello?", isNote: false, minute: 1)
        add(tickets[0], agent, .agent, "Checking with the hotel.", isNote: true, minute: 2)
        if tickets.count > 2 {
            add(tickets[1], customer, .customer, "Only public messages here.", isNote: false, minute: 3)
        }
        return messages
    }

    /// A creation event for every ticket, and a history for the fully set ticket whose commit order
    /// is neither id order nor strictly time order (two events share an instant).
    static func makeAuditEvents(space: UInt64, organizationID: OrganizationID, tickets: [Ticket], agent: User, supervisor: User) -> [AuditEvent] {
        var events: [AuditEvent] = []
        for (index, ticket) in tickets.enumerated() {
            events.append(AuditEvent(
                id: FixtureID.make(space + 5, 1_000 + index), organizationID: organizationID, ticketID: ticket.id,
                actorID: ticket.customerID, kind: .created, at: ticket.createdAt
            ))
        }
        let full = tickets[tickets.count - 1]
        func at(_ minute: Int) -> Date { Date(millisecondsSince1970: full.createdAt.millisecondsSince1970 + Int64(minute) * 60_000) }
        let history: [(AuditEvent.Kind, UserID?, [FieldChange], String?, Date)] = [
            (.assigned, supervisor.id, [FieldChange(field: "assignee", before: nil, after: agent.id.description)], nil, at(1)),
            (.statusChanged, agent.id, [FieldChange(field: "status", before: "assigned", after: "in_progress")], nil, at(1)),
            (.escalated, nil, [FieldChange(field: "escalationLevel", before: "1", after: "2")], "SLA breached", at(90)),
            (.priorityChanged, supervisor.id, [
                FieldChange(field: "priority", before: "high", after: "urgent"),
                FieldChange(field: "tier", before: "2", after: "3"),
            ], "customer is VIP", at(91)),
            (.resolved, agent.id, [FieldChange(field: "status", before: "in_progress", after: "resolved")], "Refunded manually", at(200)),
            (.closed, nil, [], nil, at(300)),
        ]
        // Ids descend in commit order: an adapter that sorts by id instead of commit order is caught.
        for (offset, entry) in history.enumerated() {
            events.append(AuditEvent(
                id: FixtureID.make(space + 5, 100 - offset), organizationID: organizationID, ticketID: full.id,
                actorID: entry.1, kind: entry.0, changes: entry.2, note: entry.3, at: entry.4
            ))
        }
        return events
    }
}
