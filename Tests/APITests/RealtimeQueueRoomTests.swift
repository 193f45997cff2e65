@testable import API
import Domain
import Foundation
import HTTPTypes
import Testing

/// What a department's queue room carries (SPEC §7, §14): the queue's own events, never a ticket's
/// conversation, and to an agent only the tickets an agent may view there. Absences are observed without
/// sleeping: a marker ticket is opened last, and once it arrived in the queue room the earlier events would have too.
@Suite(.timeLimit(.minutes(2))) struct RealtimeQueueRoomTests {
    @Test func `an agent's queue room carries a ticket leaving the queue, not another agent's ticket afterwards, and no conversation`() async throws {
        try await RealtimeTests.run { live in
            let api = live.api
            let queue = "queue:\(api.fixture.support.id)"
            let ticketID = try await api.openTicket()
            try await live.relay()
            let agent = try await live.connect(as: "agent1@acme.test")
            let supervisor = try await live.connect(as: "lead@acme.test")
            #expect(try await live.subscribe(agent, queue).type == "subscribed", "an agent follows their department's queue")
            #expect(try await live.subscribe(supervisor, queue).type == "subscribed", "so does its supervisor")

            // The ticket goes to another agent, then gets a note, a reply and a new priority; a marker ticket last.
            let agent2 = api.fixture.user("agent2@acme.test").id.description
            let assigned = try await api.call(.post, "/api/v1/tickets/\(ticketID)/assign", as: "lead@acme.test", json: ["agentId": agent2])
            #expect(assigned.status == .ok, "the supervisor assigns the ticket to agent2: \(assigned.text)")
            let note = try await api.call(.post, "/api/v1/tickets/\(ticketID)/messages", as: "admin@acme.test", json: ["body": "Check the refund", "internal": true])
            let reply = try await api.call(.post, "/api/v1/tickets/\(ticketID)/messages", as: "admin@acme.test", json: ["body": "We are on it"])
            #expect(note.status == .created && reply.status == .created, "the note and the reply are posted: \(note.text) \(reply.text)")
            let raised = try await api.call(.patch, "/api/v1/tickets/\(ticketID)", as: "lead@acme.test", json: ["priority": "urgent"])
            #expect(raised.status == .ok, "the supervisor raises the priority: \(raised.text)")
            let marker = try await api.openTicket()
            try await live.relay()

            for client in [agent, supervisor] {
                let heard = try await client.next("the marker ticket in \(queue)") { $0.type == "ticket.created" && $0.room == queue && $0.data("ticketId") == marker }
                #expect(heard != nil, "\(client.name) hears the marker: \(client.frames)")
            }
            let agentHeard = agent.frames.filter { $0.room == queue && $0.data("ticketId") == ticketID }
            #expect(agentHeard.contains { $0.type == "ticket.assigned" }, "the agent hears the ticket leave the queue: \(agentHeard)")
            #expect(!agentHeard.contains { $0.type == "message.created" }, "no conversation through the queue room: \(agentHeard)")
            #expect(!agentHeard.contains { $0.type == "ticket.updated" }, "nothing of another agent's ticket after it left the queue: \(agentHeard)")

            let supervisorHeard = supervisor.frames.filter { $0.room == queue && $0.data("ticketId") == ticketID }
            #expect(supervisorHeard.contains { $0.type == "ticket.updated" }, "the supervisor sees every ticket of the department change: \(supervisorHeard)")
            #expect(!supervisorHeard.contains { $0.type == "message.created" }, "conversations go to the ticket room, for supervisors too: \(supervisorHeard)")
            await agent.disconnect(); await supervisor.disconnect()
        }
    }

    /// The rule itself, kind by kind, for an agent and a supervisor.
    @Test func `a queue room carries queue events, and to an agent only unassigned tickets and their own`() {
        let org = OrganizationID(UUID()), support = DepartmentID(UUID())
        let me = UserID(UUID()), someone = UserID(UUID())
        let agent = Actor(userID: me, organizationID: org, role: .agent, departmentIDs: [support])
        let supervisor = Actor(userID: UserID(UUID()), organizationID: org, role: .supervisor, departmentIDs: [support])
        func event(_ kind: DomainEvent.Kind, assignee: UserID? = nil) -> DomainEvent {
            DomainEvent(kind: kind, organizationID: org, ticketID: TicketID(UUID()), departmentID: support, agentID: assignee, staffOnly: true, at: Date())
        }
        func hears(_ actor: Actor, _ event: DomainEvent) -> Bool { RealtimeAccess.mayHear(actor, event, in: .queue(support)) }

        for kind in [DomainEvent.Kind.messageCreated, .typing, .messageRead] {
            #expect(!hears(supervisor, event(kind)) && !hears(agent, event(kind)), "\(kind.rawValue) belongs to the ticket room")
        }
        for kind in [DomainEvent.Kind.ticketAssigned, .ticketEscalated] {
            #expect(hears(agent, event(kind, assignee: someone)), "\(kind.rawValue) takes a ticket out of the queue: every follower hears it")
        }
        for kind in [DomainEvent.Kind.ticketCreated, .ticketUpdated, .queueUpdated, .slaWarning, .slaBreached] {
            #expect(hears(agent, event(kind)), "an agent hears \(kind.rawValue) of an unassigned ticket")
            #expect(hears(agent, event(kind, assignee: me)), "and of their own")
            #expect(!hears(agent, event(kind, assignee: someone)), "but not of another agent's ticket")
            #expect(hears(supervisor, event(kind, assignee: someone)), "a supervisor hears \(kind.rawValue) of every ticket of the department")
        }
        let elsewhere = DomainEvent(kind: .ticketCreated, organizationID: org, ticketID: TicketID(UUID()), departmentID: DepartmentID(UUID()), at: Date())
        #expect(!hears(supervisor, elsewhere), "another department's ticket is not in this queue")
    }
}
