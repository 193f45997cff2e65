@testable import API
import Domain
import Foundation
import HTTPTypes
import Testing

/// Subscriptions keep following the permission policy after they were granted (issue 9, SPEC §7, §14):
/// real WebSocket clients on a live server. Each absence is observed without sleeping: a later event of the
/// lost room is published, then a marker in a room the client still follows; once the marker arrived,
/// the earlier event would have too.
@Suite(.timeLimit(.minutes(2))) struct RealtimePermissionTests {
    /// A change that takes a queued support ticket out of what an agent of support may view.
    enum Move: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case assignedToAnotherAgent = "assigned to another agent"
        case escalatedToAnotherDepartment = "escalated to another department"
        case movedToAnotherDepartment = "moved to another department"

        var testDescription: String { rawValue }

        /// Makes the change as the support supervisor.
        func apply(to ticketID: String, _ api: TestAPI) async throws -> APIResponse {
            let billing = api.fixture.billing.id.description
            switch self {
            case .assignedToAnotherAgent:
                let agent2 = api.fixture.user("agent2@acme.test").id.description
                return try await api.call(.post, "/api/v1/tickets/\(ticketID)/assign", as: "lead@acme.test", json: ["agentId": agent2])
            case .escalatedToAnotherDepartment:
                return try await api.call(
                    .post, "/api/v1/tickets/\(ticketID)/escalate", as: "lead@acme.test", json: ["toDepartmentId": billing, "reason": "an invoice question"])
            case .movedToAnotherDepartment:
                return try await api.call(.patch, "/api/v1/tickets/\(ticketID)", as: "lead@acme.test", json: ["departmentId": billing])
            }
        }
    }

    @Test(arguments: Move.allCases)
    func `an agent who may no longer view a followed ticket is told forbidden and hears nothing more of it; its customer still does`(_ move: Move) async throws {
        try await RealtimeTests.run { live in
            let api = live.api
            let support = api.fixture.support.id.description
            let ticketID = try await api.openTicket()
            try await live.relay()
            let agent = try await live.connect(as: "agent1@acme.test")
            let customer = try await live.connect(as: "customer@acme.test")
            #expect(try await live.subscribe(agent, "ticket:\(ticketID)").type == "subscribed", "an agent may follow an unassigned ticket of their department's queue")
            #expect(try await live.subscribe(agent, "queue:\(support)").type == "subscribed", "and the queue itself (the marker room)")
            #expect(try await live.subscribe(customer, "ticket:\(ticketID)").type == "subscribed", "the customer follows their ticket")

            let moved = try await move.apply(to: ticketID, api)
            #expect(moved.status == .ok, "the supervisor's change (\(move.rawValue)) succeeds: \(moved.text)")
            try await live.relay()
            let refusal = try #require(
                try await agent.next("the error dropping ticket:\(ticketID)") { $0.type == "error" && $0.room == "ticket:\(ticketID)" },
                "the agent is told the ticket was \(move.rawValue): \(agent.frames)")
            #expect(refusal.code == "forbidden", "the drop says forbidden: \(refusal)")
            let cutoff = try #require(refusal.seq, "the drop names the event after which the room was dropped: \(refusal)")

            // Later events of the ticket, then a marker in the queue room the agent still follows.
            let note = try await api.call(.post, "/api/v1/tickets/\(ticketID)/messages", as: "admin@acme.test", json: ["body": "Check the refund", "internal": true])
            let reply = try await api.call(.post, "/api/v1/tickets/\(ticketID)/messages", as: "admin@acme.test", json: ["body": "We are on it"])
            let noteID = try #require(note.json["id"].string, "the note was posted: \(note.text)")
            let replyID = try #require(reply.json["id"].string, "the reply was posted: \(reply.text)")
            let marker = try await api.openTicket()
            try await live.relay()
            let heardMarker = try await agent.next("the marker ticket in queue:\(support)") {
                $0.type == "ticket.created" && $0.room == "queue:\(support)" && $0.data("ticketId") == marker
            }
            #expect(heardMarker != nil, "the agent still hears the queue they follow: \(agent.frames)")
            let leaked = agent.frames.filter { $0.room == "ticket:\(ticketID)" && ($0.seq ?? 0) > cutoff && $0.type != "error" }
            #expect(leaked.isEmpty, "nothing of ticket:\(ticketID) after the drop reaches the agent: \(leaked)")
            #expect(!agent.frames.contains { $0.room == "ticket:\(ticketID)" && ($0.data("messageId") == replyID || $0.data("messageId") == noteID) },
                    "neither the later reply nor the note arrive through the dropped room: \(agent.frames)")

            // The customer's view does not depend on department or assignee: they keep hearing their ticket, never the note.
            let heardReply = try await customer.next("the reply on ticket:\(ticketID)") { $0.type == "message.created" && $0.data("messageId") == replyID }
            #expect(heardReply?.room == "ticket:\(ticketID)", "the customer still hears the public reply: \(customer.frames)")
            #expect(!customer.frames.contains { $0.data("messageId") == noteID }, "the customer never receives the internal note: \(customer.frames)")
            #expect(!customer.frames.contains { $0.type == "error" }, "the customer's subscription was not dropped: \(customer.frames)")
            await agent.disconnect(); await customer.disconnect()
        }
    }

    @Test func `a staff member removed from a department stops hearing its queue and may follow their new one`() async throws {
        try await RealtimeTests.run { live in
            let api = live.api
            let support = api.fixture.support.id.description
            let billing = api.fixture.billing.id.description
            let agentID = api.fixture.user("agent2@acme.test").id.description
            let agent = try await live.connect(as: "agent2@acme.test")
            #expect(try await live.subscribe(agent, "queue:\(support)").type == "subscribed", "agent2 follows the support queue")
            #expect(try await live.subscribe(agent, "queue:\(billing)").code == "forbidden", "but not billing's, yet")

            let moved = try await api.call(.patch, "/api/v1/agents/\(agentID)", as: "admin@acme.test", json: ["departmentIds": [billing]])
            #expect(moved.status == .ok, "the admin moves agent2 from support to billing: \(moved.text)")
            try await live.relay()
            let refusal = try #require(
                try await agent.next("the error dropping queue:\(support)") { $0.type == "error" && $0.room == "queue:\(support)" },
                "agent2 is told they lost the support queue: \(agent.frames)")
            #expect(refusal.code == "forbidden", "the drop says forbidden: \(refusal)")
            let cutoff = try #require(refusal.seq, "the drop names the event after which the room was dropped: \(refusal)")
            // The earlier refusal of queue:billing is still in the log: wait for the confirmation itself.
            agent.send(["type": "subscribe", "room": "queue:\(billing)"])
            let resubscribed = try await agent.next("subscribed to queue:\(billing)") { $0.type == "subscribed" && $0.room == "queue:\(billing)" }
            #expect(resubscribed != nil, "the new membership counts at once, read from current data, not from the token: \(agent.frames)")

            // A later support event, then a marker in billing's queue.
            let lost = try await api.openTicket()
            let marker = try await api.openTicket(as: "other@acme.test", ["departmentId": billing])
            try await live.relay()
            let heardMarker = try await agent.next("the marker ticket in queue:\(billing)") {
                $0.type == "ticket.created" && $0.room == "queue:\(billing)" && $0.data("ticketId") == marker
            }
            #expect(heardMarker != nil, "agent2 hears their new department's queue: \(agent.frames)")
            let leaked = agent.frames.filter { $0.room == "queue:\(support)" && ($0.seq ?? 0) > cutoff && $0.type != "error" }
            #expect(leaked.isEmpty, "nothing of the support queue after the drop reaches agent2: \(leaked)")
            #expect(!agent.frames.contains { $0.data("ticketId") == lost }, "the later support ticket is not heard at all: \(agent.frames)")
            await agent.disconnect()
        }
    }

    @Test func `the periodic revalidation drops a lost queue too, when no event announced the change`() async throws {
        var options = TestAPI.relaxed
        options.realtime.revalidationInterval = .milliseconds(50)
        try await RealtimeTests.run(options: options) { live in
            let api = live.api
            let support = api.fixture.support.id.description
            let billing = api.fixture.billing.id.description
            let agentID = api.fixture.user("agent2@acme.test").id.description
            let agent = try await live.connect(as: "agent2@acme.test")
            #expect(try await live.subscribe(agent, "queue:\(support)").type == "subscribed", "agent2 follows the support queue")
            #expect(try await live.subscribe(agent, "agent:me").type == "subscribed", "and their own channel (the marker room)")

            // The relay does not run: only the revalidation, reading the user again, can notice the change.
            let moved = try await api.call(.patch, "/api/v1/agents/\(agentID)", as: "admin@acme.test", json: ["departmentIds": [billing]])
            #expect(moved.status == .ok, "the admin moves agent2 from support to billing: \(moved.text)")
            let refusal = try await agent.next("the error dropping queue:\(support)") { $0.type == "error" && $0.room == "queue:\(support)" }
            #expect(refusal?.code == "forbidden", "the revalidation drops the support queue: \(agent.frames)")

            // Now the events flow: a later support ticket, then a second membership change on agent:me as the marker
            // (the connection stayed open: a change of departments is not a revocation).
            let lost = try await api.openTicket()
            let both = try await api.call(.patch, "/api/v1/agents/\(agentID)", as: "admin@acme.test", json: ["departmentIds": [billing, support]])
            #expect(both.status == .ok, "the admin gives agent2 both departments: \(both.text)")
            try await live.relay()
            let marker = try await agent.next("the second membership change on agent:me") {
                $0.type == "agent.departments_changed" && $0.room == "agent:me" && $0.data("departmentIds")?.contains(",") == true
            }
            #expect(marker != nil, "agent2 hears their membership changes on their own channel: \(agent.frames)")
            #expect(!agent.frames.contains { $0.data("ticketId") == lost }, "the later support ticket is not heard: \(agent.frames)")
            await agent.disconnect()
        }
    }

    /// The cost rule: a followed ticket is read again only for events that can change who may view it.
    @Test func `only events that can change a ticket's visibility make a room be checked again`() {
        let org = OrganizationID(UUID())
        let support = DepartmentID(UUID()), billing = DepartmentID(UUID())
        let ticket = TicketID(UUID()), me = UserID(UUID()), someone = UserID(UUID())
        let agent = Actor(userID: me, organizationID: org, role: .agent, departmentIDs: [support])
        let placed = RealtimeTicketPlacement(DomainEvent(kind: .ticketCreated, organizationID: org, ticketID: ticket, departmentID: support, at: Date()))
        func event(_ kind: DomainEvent.Kind, department: DepartmentID? = support, agent: UserID? = nil, ticketID: TicketID? = ticket) -> DomainEvent {
            DomainEvent(kind: kind, organizationID: org, ticketID: ticketID, departmentID: department, agentID: agent, at: Date())
        }
        func rechecks(_ actor: Actor, _ event: DomainEvent) -> Bool {
            RealtimeAccess.mayChangeAccess(actor, to: .ticket(ticket), placedAt: placed, by: event)
        }
        #expect(!rechecks(agent, event(.ticketUpdated)), "a status or priority update leaves department and assignee: no read")
        #expect(!rechecks(agent, event(.messageCreated)), "a message changes no visibility: no read")
        #expect(rechecks(agent, event(.ticketUpdated, department: billing)), "an update that moves the ticket is checked")
        #expect(rechecks(agent, event(.ticketUpdated, agent: someone)), "an update that changes the assignee is checked")
        #expect(rechecks(agent, event(.ticketAssigned, agent: someone)), "an assignment is always checked")
        #expect(rechecks(agent, event(.ticketEscalated)), "an escalation is always checked")
        #expect(!rechecks(agent, event(.ticketAssigned, ticketID: TicketID(UUID()))), "another ticket's assignment concerns another room")
        for role in [Role.customer, .admin] {
            let viewer = Actor(userID: me, organizationID: org, role: role)
            #expect(!rechecks(viewer, event(.ticketAssigned, agent: someone)), "a \(role.rawValue)'s view never changes with the ticket: no read")
        }
        let membership = DomainEvent(kind: .agentDepartmentsChanged, organizationID: org, agentID: me, staffOnly: true, at: Date())
        #expect(RealtimeAccess.changesMembership(of: agent, membership), "the agent's own membership change re-checks their rooms")
        let others = DomainEvent(kind: .agentDepartmentsChanged, organizationID: org, agentID: someone, staffOnly: true, at: Date())
        #expect(!RealtimeAccess.changesMembership(of: agent, others), "someone else's does not")
    }
}
