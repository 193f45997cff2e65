import Domain
import Foundation
import Memory
import Testing

/// The timeline is built from what a ticket and its audit history already record, so that the SLA
/// follows the real use cases: internal notes are not responses, a customer's reply ends the pause.
struct SLATimelineTests {
    @Test func followsATicketThroughTheUseCases() async throws {
        let w = try await World.make()
        let start = w.clock.now()
        func minutes(_ m: Double) -> Date { start.addingTimeInterval(m * 60) }

        let ticket = try await w.openTicket(priority: .medium)
        w.clock.advance(by: 10 * 60)
        _ = try await w.tickets.take(ticket.id, actor: w.agent1)
        w.clock.advance(by: 5 * 60)
        _ = try await w.messages.post(ticket.id, body: "Checking the logs.", internal: true, actor: w.agent1)

        let afterNote = try await w.tickets.ticket(ticket.id, actor: w.agent1)
        let history1 = try await w.storage.auditEvents(ticket: ticket.id, in: w.org.id)
        let noted = SLAClock.default.evaluate(SLATimeline(ticket: afterNote, auditEvents: history1), at: w.clock.now())
        #expect(noted.firstResponse.level == .ok && noted.firstResponse.stoppedAt == nil, "an internal note is not a response")
        #expect(noted.firstResponse.consumedSeconds == 15 * 60)

        w.clock.advance(by: 10 * 60)
        _ = try await w.tickets.changePriority(ticket.id, to: .high, actor: w.agent1)
        w.clock.advance(by: 5 * 60)
        _ = try await w.messages.post(ticket.id, body: "Please unplug it.", internal: false, actor: w.agent1)
        w.clock.advance(by: 10 * 60)
        _ = try await w.tickets.changeStatus(ticket.id, to: .waitingCustomer, note: nil, actor: w.agent1)
        w.clock.advance(by: 2 * 3_600)
        _ = try await w.messages.post(ticket.id, body: "Unplugged.", internal: false, actor: w.customer)
        w.clock.advance(by: 30 * 60)
        let resolved = try await w.tickets.resolve(ticket.id, kind: .solved, summary: "Unplugged", notes: nil, actor: w.agent1)
        w.clock.advance(by: 3_600)

        let history = try await w.storage.auditEvents(ticket: ticket.id, in: w.org.id)
        let timeline = SLATimeline(ticket: resolved, auditEvents: history)
        #expect(timeline.initialPriority == .medium)
        #expect(timeline.priorityChanges == [SLATimeline.Change(at: minutes(25), .high)])
        #expect(timeline.statusChanges.map(\.value) == [.open, .assigned, .waitingCustomer, .inProgress, .resolved])
        #expect(timeline.firstResponseAt == minutes(30))

        let sla = SLAClock.default.evaluate(timeline, at: w.clock.now())
        #expect(sla.firstResponse.priority == .high && sla.firstResponse.dueAt == minutes(30))
        #expect(sla.firstResponse.level == .met && sla.firstResponse.metAt == minutes(30), "answered exactly at the high target")
        #expect(sla.resolution.level == .met && sla.resolution.metAt == minutes(190))
        #expect(sla.resolution.pausedSeconds == 2 * 3_600, "waiting on the customer until the reply")
        #expect(sla.resolution.consumedSeconds == 70 * 60)
        #expect(sla.resolution.dueAt == minutes(360), "4 h of running time: 40 min, the pause, then 200 min more")
    }

    @Test func ignoresOtherTicketsAndFillsGapsFromTheTicket() {
        let org = OrganizationID(UUID())
        let created = Instant.utc("2026-03-23 09:00")
        let ticket = Ticket(
            id: TicketID(UUID()), organizationID: org, customerID: UserID(UUID()), contact: Contact(name: "C"),
            subject: "s", description: "d", priority: .urgent, status: .inProgress, createdAt: created,
            updatedAt: Instant.utc("2026-03-23 10:00")
        )
        let other = AuditEvent(
            id: AuditEventID(UUID()), organizationID: org, ticketID: TicketID(UUID()), actorID: nil, kind: .statusChanged,
            changes: [FieldChange(field: "status", before: "open", after: "resolved")], at: Instant.utc("2026-03-23 09:30")
        )
        let timeline = SLATimeline(ticket: ticket, auditEvents: [other])
        #expect(timeline.statusChanges == [SLATimeline.Change(at: Instant.utc("2026-03-23 10:00"), .inProgress)],
                "no history of its own: the ticket's status is taken from its last update")
        #expect(timeline.initialPriority == .urgent && timeline.priorityChanges.isEmpty)
    }
}
