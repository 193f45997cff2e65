import Domain
import Testing

/// The §3 state machine, pair by pair: every legal move is allowed and every other one refused.
struct TicketStatusTests {
    /// The specification, written out independently of `TicketStatus.allowedNext`.
    static let legal: Set<String> = [
        "open>assigned", "open>in_progress", "open>escalated", "open>resolved", "open>closed",
        "assigned>open", "assigned>in_progress", "assigned>waiting_customer", "assigned>waiting_internal",
        "assigned>escalated", "assigned>resolved", "assigned>closed",
        "in_progress>open", "in_progress>waiting_customer", "in_progress>waiting_internal", "in_progress>escalated",
        "in_progress>resolved", "in_progress>closed",
        "waiting_customer>in_progress", "waiting_customer>waiting_internal", "waiting_customer>escalated",
        "waiting_customer>resolved", "waiting_customer>closed",
        "waiting_internal>in_progress", "waiting_internal>waiting_customer", "waiting_internal>escalated",
        "waiting_internal>resolved", "waiting_internal>closed",
        "escalated>open", "escalated>assigned", "escalated>in_progress", "escalated>waiting_customer",
        "escalated>waiting_internal", "escalated>resolved", "escalated>closed",
        "resolved>closed", "resolved>reopened",
        "closed>reopened",
        "reopened>assigned", "reopened>in_progress", "reopened>waiting_customer", "reopened>waiting_internal",
        "reopened>escalated", "reopened>resolved", "reopened>closed",
    ]

    static let pairs: [(TicketStatus, TicketStatus)] = TicketStatus.allCases.flatMap { from in
        TicketStatus.allCases.map { (from, $0) }
    }

    @Test("every status pair follows the specification", arguments: pairs)
    func transition(from: TicketStatus, to: TicketStatus) {
        let expected = Self.legal.contains("\(from.rawValue)>\(to.rawValue)")
        #expect(from.canMove(to: to) == expected, "\(from.rawValue) -> \(to.rawValue) should be \(expected ? "legal" : "illegal")")
    }

    @Test func noStatusMovesToItself() {
        for status in TicketStatus.allCases { #expect(!status.canMove(to: status), "\(status)") }
    }

    @Test func finishedStatusesAreNotActive() {
        #expect(TicketStatus.active == Set(TicketStatus.allCases).subtracting([.resolved, .closed]))
    }
}
