import Domain
import Foundation
import Testing

/// Builders and readers shared by the cases.
extension StorageFixture.Tenant {
    /// A ticket that is not in the seed: id from `space` (keep it apart from the seed's spaces, 1000–2999),
    /// shaped like the seed's ticket at `index` and created `minutes` after the epoch.
    func newTicket(space: UInt64, index: Int, minutes: Int? = nil) -> Ticket {
        var ticket = Self.makeTicket(
            index: index % 12, count: 1_000, space: 0, organizationID: organization.id,
            staff: [agent.id, secondAgent.id, supervisor.id], customers: [customer, secondCustomer],
            departments: [generalSupport.id, billing.id]
        )
        ticket = Ticket(
            id: FixtureID.make(space, index), organizationID: organization.id, customerID: ticket.customerID, contact: ticket.contact,
            subject: "New ticket \(index)", description: ticket.description, channel: ticket.channel, category: ticket.category,
            priority: ticket.priority, status: ticket.status, tags: ticket.tags, customFields: ticket.customFields,
            assigneeID: ticket.assigneeID, departmentID: ticket.departmentID, tier: ticket.tier, participantIDs: ticket.participantIDs,
            createdAt: minutes.map { FixtureTime.at(minutes: $0, milliseconds: 321) } ?? ticket.createdAt,
            updatedAt: minutes.map { FixtureTime.at(minutes: $0, milliseconds: 654) } ?? ticket.updatedAt
        )
        return ticket
    }

    /// An audit event of `ticket` that is not in the seed.
    func newAuditEvent(for ticket: Ticket, space: UInt64, index: Int, kind: AuditEvent.Kind = .updated) -> AuditEvent {
        AuditEvent(
            id: FixtureID.make(space, index), organizationID: organization.id, ticketID: ticket.id, actorID: agent.id, kind: kind,
            changes: [FieldChange(field: "subject", before: "a", after: "b")], note: "event \(index)",
            at: FixtureTime.at(minutes: 5_000 + index, milliseconds: 1)
        )
    }

    /// A message on `ticket` that is not in the seed.
    func newMessage(on ticket: Ticket, space: UInt64, index: Int, isInternal: Bool = false) -> Message {
        Message(
            id: FixtureID.make(space, index), organizationID: organization.id, ticketID: ticket.id, authorID: agent.id, kind: .agent,
            body: "reply \(index)", isInternal: isInternal, createdAt: FixtureTime.at(minutes: 5_000 + index, milliseconds: 2)
        )
    }

    /// The seed's ticket after a use case changed it: next version, later update time.
    func changed(_ ticket: Ticket, _ change: (inout Ticket) -> Void = { $0.subject += " (edited)" }) -> Ticket {
        var next = ticket
        change(&next)
        next.version = ticket.version + 1
        next.updatedAt = Date(millisecondsSince1970: ticket.updatedAt.millisecondsSince1970 + 60_000)
        return next
    }
}

extension StorageContract {
    /// Every ticket `query` selects, by walking all pages from its cursor.
    static func walk(_ storage: any Storage, _ query: TicketQuery, label: String) async throws -> [Ticket] {
        var query = query
        var all: [Ticket] = []
        for _ in 0..<10_000 {
            let page = try await storage.tickets(query)
            #expect(page.items.count <= query.limit, "\(label): tickets(limit: \(query.limit)) returned \(page.items.count) items")
            all += page.items
            guard let next = page.nextCursor else { return all }
            #expect(!page.items.isEmpty, "\(label): a page with a nextCursor should not be empty")
            query.cursor = next
        }
        Issue.record("\(label): the page walk did not end after 10,000 pages")
        return all
    }

    /// What the reference semantics select from `tickets`, in order.
    static func reference(_ query: TicketQuery, over tickets: [Ticket]) -> [Ticket] {
        tickets.filter { query.matches($0) && (query.cursor?.admits($0, sort: query.sort) ?? true) }.sorted { query.sort.precedes($0, $1) }
    }

    /// Expects `actual` to be exactly `expected`, in order, and reports the difference by ticket number
    /// (whole tickets would bury the message).
    static func expectTickets(_ actual: [Ticket], _ expected: [Ticket], _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let sameOrder = actual.map(\.id) == expected.map(\.id)
        #expect(sameOrder, "\(label) should return \(numbers(expected)), got \(numbers(actual))", sourceLocation: sourceLocation)
        if sameOrder {
            let differing = zip(actual, expected).filter { $0 != $1 }.map(\.0)
            let sameContent = differing.isEmpty
            #expect(sameContent, "\(label): tickets \(numbers(differing)) should read back equal to what was written", sourceLocation: sourceLocation)
        }
    }

    /// Ticket numbers of `tickets`, for readable expectation messages.
    static func numbers(_ tickets: [Ticket]) -> String {
        "[" + tickets.map { "\($0.organizationID == StorageFixture.canonical.first.organization.id ? "A" : "B")#\($0.number.value)" }.joined(separator: ", ") + "]"
    }
}
