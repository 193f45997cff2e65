import Domain
import Foundation
import Testing

extension StorageContract {
    /// The history of several tickets in one read (`AuditHistoryQueries`).
    static let auditHistoryCases: [StorageContractCase] = [
        StorageContractCase("audit history: auditEvents(tickets:) answers each ticket as auditEvents(ticket:) does, leaving out tickets without events or of another organization") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first, b = fixture.second
            let org = a.organization.id
            // Two more events on one ticket, so that order within a ticket is observable.
            let extra = (0..<2).map { a.newAuditEvent(for: a.tickets[0], space: 9_340, index: $0) }
            _ = try await storage.commit(UnitOfWork(extra.map { .appendAuditEvent($0) }))
            let absent = a.newTicket(space: 9_341, index: 0).id
            let asked = a.tickets.map(\.id) + [absent, b.tickets[0].id, a.tickets[0].id]
            let history = try await storage.auditEvents(tickets: asked, in: org)
            var expected: [TicketID: [AuditEvent]] = [:]
            for ticket in a.tickets {
                let events = try await storage.auditEvents(ticket: ticket.id, in: org)
                if !events.isEmpty { expected[ticket.id] = events }
            }
            #expect(!expected.isEmpty, "the seed of \(a.organization.slug) should hold audit events")
            #expect(history == expected, "auditEvents(tickets: every ticket of \(a.organization.slug), an absent one, one of \(b.organization.slug)) should equal auditEvents(ticket:) of each ticket with events; differs for \(Set(history.keys).symmetricDifference(expected.keys).count) tickets")
            #expect(history[a.tickets[0].id]?.suffix(2) == extra[...], "auditEvents(tickets:) should end ticket \(a.tickets[0].id)'s history with the 2 events appended last, in order")
            #expect(try await storage.auditEvents(tickets: [], in: org).isEmpty, "auditEvents(tickets: []) should be empty")
        },
    ]
}
