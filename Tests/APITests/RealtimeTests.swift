@testable import API
import Bootstrap
import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import InProcessTransport
import Memory
import NIOWebSocket
import OpenAPIDocument
import Testing

/// `GET /api/v1/realtime` with real WebSocket clients on a live server (one process, in-process
/// transport): authentication, rooms and permissions, what customers never receive, replay, limits.
@Suite(.timeLimit(.minutes(2))) struct RealtimeTests {
    /// A live API with an in-process transport; `relay()` publishes committed events as the relay service would.
    struct Live: Sendable {
        let api: TestAPI
        let port: Int

        var url: String { "ws://127.0.0.1:\(port)/api/v1/realtime" }

        func relay() async throws {
            while try await EventRelay(api.fixture.deps).relayPending(holder: "test-relay") > 0 {}
        }

        func connect(as email: String, name: String? = nil) async throws -> RealtimeTestClient {
            try await RealtimeTestClient.connect(url, headers: [.authorization: "Bearer \(try await api.token(email))"], name: name ?? email)
        }

        /// Subscribes and waits for the confirmation (or the refusal, which is returned).
        @discardableResult
        func subscribe(_ client: RealtimeTestClient, _ room: String, after: Int64? = nil) async throws -> RealtimeTestClient.Frame {
            var frame: [String: any Sendable] = ["type": "subscribe", "room": room]
            if let after { frame["after"] = after }
            client.send(frame)
            let answer = try await client.next("answer to subscribe \(room)") { ($0.type == "subscribed" || $0.type == "error") && $0.room == room }
            return try #require(answer, "\(client.name) got no answer to subscribing to \(room)")
        }
    }

    static func run(options: APIOptions = TestAPI.relaxed, _ body: @Sendable (Live) async throws -> Void) async throws {
        let fixture = try await Fixture.make(transport: InProcessTransport())
        let app = try await buildApplication(runtime: fixture.runtime, signingSecret: Fixture.signingSecret, options: options)
        let validator = try OpenAPIValidator(data: OpenAPIDocument.data())
        try await app.test(.live) { client in
            let port = try #require(client.port, "the live test server has a port")
            try await body(Live(api: TestAPI(fixture: fixture, client: client, validator: validator), port: port))
        }
    }

    @Test func `an agent hears the assignment on their channel; the customer hears the public reply and never the internal note`() async throws {
        try await Self.run { live in
            let api = live.api
            let ticketID = try await api.openTicket()
            try await live.relay()
            let customer = try await live.connect(as: "customer@acme.test")
            let agent = try await live.connect(as: "agent1@acme.test")
            let watching = try await live.subscribe(customer, "ticket:\(ticketID)")
            #expect(watching.type == "subscribed", "the customer may follow their own ticket: \(watching)")
            #expect(try await live.subscribe(agent, "agent:me").type == "subscribed", "an agent has their own channel")

            let agentID = api.fixture.user("agent1@acme.test").id.description
            let assigned = try await api.call(.post, "/api/v1/tickets/\(ticketID)/assign", as: "lead@acme.test", json: ["agentId": agentID])
            #expect(assigned.status == .ok, "the supervisor assigns the ticket: \(assigned.text)")
            try await live.relay()
            let heard = try await agent.next("ticket.assigned on agent:me") { $0.type == "ticket.assigned" }
            #expect(heard?.room == "agent:me" && heard?.data("ticketId") == ticketID, "the agent hears the assignment on their channel: \(String(describing: heard))")
            #expect((heard?.seq ?? 0) > 0, "events carry a sequence number")

            let note = try await api.call(.post, "/api/v1/tickets/\(ticketID)/messages", as: "agent1@acme.test", json: ["body": "Customer is upset", "internal": true])
            let reply = try await api.call(.post, "/api/v1/tickets/\(ticketID)/messages", as: "agent1@acme.test", json: ["body": "On it!"])
            let noteID = try #require(note.json["id"].string, "the note was posted: \(note.text)")
            let replyID = try #require(reply.json["id"].string, "the reply was posted: \(reply.text)")
            try await live.relay()
            let heardReply = try await customer.next("message.created of the reply") { $0.type == "message.created" && $0.data("messageId") == replyID }
            #expect(heardReply?.room == "ticket:\(ticketID)", "the customer hears the public reply in the ticket room")
            // The reply was committed after the note: once it arrived, the note would have too.
            #expect(!customer.frames.contains { $0.data("messageId") == noteID }, "the customer never receives the internal note: \(customer.frames)")
            #expect(!customer.frames.contains { $0.type == "queue.updated" }, "nor staff-only queue events")

            let staff = try await live.connect(as: "lead@acme.test")
            try await live.subscribe(staff, "ticket:\(ticketID)", after: 0)
            let replayedNote = try await staff.next("the note, replayed") { $0.data("messageId") == noteID }
            #expect(replayedNote != nil, "staff reconnecting with after: 0 receive what they missed, internal note included")
            await customer.disconnect(); await agent.disconnect(); await staff.disconnect()
        }
    }

    @Test func `subscriptions are checked against the permission policy`() async throws {
        try await Self.run { live in
            let api = live.api
            let mine = try await api.openTicket(as: "customer@acme.test")
            let theirs = try await api.openTicket(as: "other@acme.test")
            let customer = try await live.connect(as: "customer@acme.test")
            for room in ["ticket:\(theirs)", "admin", "queue:\(api.fixture.support.id)", "agent:me"] {
                let answer = try await live.subscribe(customer, room)
                #expect(answer.type == "error" && answer.code == "forbidden", "a customer may not subscribe to \(room): \(answer)")
            }
            #expect(try await live.subscribe(customer, "ticket:\(mine)").type == "subscribed", "but to their own ticket")
            let unknown = try await live.subscribe(customer, "lobby")
            #expect(unknown.code == "unknown_room", "an unknown room is named as such: \(unknown)")

            let billing = try await live.connect(as: "billing@acme.test")
            #expect(try await live.subscribe(billing, "queue:\(api.fixture.support.id)").code == "forbidden", "an agent may not follow another department's queue")
            #expect(try await live.subscribe(billing, "queue:\(api.fixture.billing.id)").type == "subscribed", "but their own department's")
            #expect(try await live.subscribe(billing, "admin").code == "forbidden", "an agent may not follow the admin channel")
            let outsider = try await live.connect(as: "admin@globex.test")
            #expect(try await live.subscribe(outsider, "ticket:\(mine)").code == "forbidden", "another organization's admin may not follow acme's ticket")

            // Events of another organization never reach an admin channel.
            #expect(try await live.subscribe(outsider, "admin").type == "subscribed", "globex's admin follows their admin channel")
            _ = try await api.openTicket(as: "customer@acme.test")
            try await live.relay()
            outsider.send(["type": "ping"])
            _ = try await outsider.next("pong") { $0.type == "pong" }
            #expect(!outsider.frames.contains { $0.type == "ticket.created" }, "acme's events never reach globex: \(outsider.frames)")

            customer.sendRaw("not json")
            #expect(try await customer.next("error for a malformed frame") { $0.code == "malformed" } != nil, "a malformed frame is answered with an error")
            await customer.disconnect(); await billing.disconnect(); await outsider.disconnect()
        }
    }

    @Test func `the upgrade needs a valid token or a single-use ticket`() async throws {
        try await Self.run { live in
            await #expect(throws: (any Error).self, "no credentials: the upgrade is refused") {
                try await RealtimeTestClient.connect(live.url, name: "anonymous")
            }
            await #expect(throws: (any Error).self, "a forged token: the upgrade is refused") {
                try await RealtimeTestClient.connect(live.url, headers: [.authorization: "Bearer not.a.token"], name: "forger")
            }
            let plain = try await live.api.call(.get, "/api/v1/realtime", as: "agent1@acme.test")
            #expect(plain.status.code == 426, "GET without an upgrade says an upgrade is required: \(plain.status)")

            let issued = try await live.api.call(.post, "/api/v1/realtime/tickets", as: "agent1@acme.test")
            #expect(issued.status == .created, "a ticket is issued: \(issued.text)")
            let ticket = try #require(issued.json["ticket"].string, "the ticket is in the body")
            let browser = try await RealtimeTestClient.connect("\(live.url)?ticket=\(ticket)", name: "browser")
            #expect(try await live.subscribe(browser, "agent:me").type == "subscribed", "the ticket authenticates as its user")
            await #expect(throws: (any Error).self, "a ticket works once") {
                try await RealtimeTestClient.connect("\(live.url)?ticket=\(ticket)", name: "replayed ticket")
            }
            await browser.disconnect()
        }
    }

    @Test func `an expiring token closes the socket; limits: connections per user, message size`() async throws {
        var options = TestAPI.relaxed
        options.realtime.maximumConnectionsPerUser = 2
        options.realtime.maximumMessageBytes = 1024
        options.realtime.revalidationInterval = .milliseconds(50)
        try await Self.run(options: options) { live in
            let first = try await live.connect(as: "agent1@acme.test", name: "first")
            let second = try await live.connect(as: "agent1@acme.test", name: "second")
            await #expect(throws: (any Error).self, "a third connection of one user is refused") {
                try await live.connect(as: "agent1@acme.test", name: "third")
            }
            let refused = try await live.api.call(.get, "/api/v1/realtime", as: "agent1@acme.test")
            #expect(refused.status == .tooManyRequests, "the plain GET explains the refusal: \(refused.status)")

            second.sendRaw(String(repeating: "x", count: 4096))
            #expect(await second.closed() == .some(.messageTooLarge), "a message over the limit closes the connection with 1009")

            live.api.fixture.clock.advance(by: 3_600)
            #expect(await first.closed() == .some(.unknown(4001)), "a connection whose token expired is closed with 4001")
        }
    }

    @Test func `a connection that sends nothing is closed when idle`() async throws {
        var options = TestAPI.relaxed
        options.realtime.idleTimeout = .milliseconds(500)
        try await Self.run(options: options) { live in
            let silent = try await live.connect(as: "agent2@acme.test", name: "silent")
            #expect(await silent.closed() == .some(.normalClosure), "a connection that sends nothing is closed when idle")
        }
    }
}
