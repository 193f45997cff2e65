import Domain
import Foundation
import Testing

/// The serving order of §5: priority, then SLA due time (none last), then age, then id.
struct QueueOrderTests {
    typealias F = RoutingFixture
    static let t0 = F.monday

    static func order(_ tickets: [QueuedTicket]) -> [TicketID] { QueueOrder.queue(tickets).map(\.id) }

    @Test func higherPriorityIsServedFirst() {
        let tickets = [F.ticket(1, priority: .low), F.ticket(2, priority: .urgent), F.ticket(3, priority: .medium), F.ticket(4, priority: .high)]
        #expect(Self.order(tickets) == [2, 4, 3, 1].map(F.ticketID))
    }

    @Test func priorityOutranksSLAAndAge() {
        let older = F.ticket(1, priority: .medium, created: Self.t0.addingTimeInterval(-86_400), sla: Self.t0)
        let newer = F.ticket(2, priority: .high, created: Self.t0, sla: nil)
        #expect(Self.order([older, newer]) == [F.ticketID(2), F.ticketID(1)])
    }

    @Test func withinAPriorityTheEarlierSLADueTimeComesFirstThenThoseWithoutOne() {
        let tickets = [
            F.ticket(1, created: Self.t0.addingTimeInterval(-300), sla: nil),
            F.ticket(2, created: Self.t0, sla: Self.t0.addingTimeInterval(7200)),
            F.ticket(3, created: Self.t0, sla: Self.t0.addingTimeInterval(600)),
        ]
        // The oldest ticket has no SLA: it waits behind both SLA-bound ones.
        #expect(Self.order(tickets) == [3, 2, 1].map(F.ticketID))
    }

    @Test func thenTheOldestFirstThenTheSmallestId() {
        let due = Self.t0.addingTimeInterval(600)
        let tickets = [
            F.ticket(4, created: Self.t0, sla: due), F.ticket(3, created: Self.t0, sla: due),
            F.ticket(2, created: Self.t0.addingTimeInterval(-60), sla: due), F.ticket(5, created: Self.t0.addingTimeInterval(-120)),
        ]
        #expect(Self.order(tickets) == [2, 3, 4, 5].map(F.ticketID))
    }

    @Test func precedesIsAStrictTotalOrder() {
        let a = F.ticket(1)
        #expect(!QueueOrder.precedes(a, a), "irreflexive")
        let b = F.ticket(2)
        #expect(QueueOrder.precedes(a, b) != QueueOrder.precedes(b, a), "exactly one of two distinct tickets goes first")
    }

    @Test func onlyWaitingTicketsAreQueuedAndEachOnce() {
        let tickets = [
            F.ticket(1, status: .open), F.ticket(2, status: .reopened), F.ticket(3, status: .escalated),
            F.ticket(4, status: .inProgress), F.ticket(5, status: .assigned), F.ticket(6, status: .resolved),
            F.ticket(7, status: .open, assignee: F.user(1)), F.ticket(1, priority: .low, status: .open),
        ]
        // Ticket 1 appears twice: the entry served first (medium beats low) is the one kept.
        let queue = QueueOrder.queue(tickets)
        #expect(queue.map(\.id) == [1, 2, 3].map(F.ticketID))
        #expect(queue.first?.priority == .medium)
    }
}
