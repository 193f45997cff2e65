import Foundation
import HTTPTypes
import Testing
import TestSupport

/// End to end over two `switchboard-api` processes on one PostgreSQL database, with real WebSocket
/// clients: a customer creates a ticket through process A; an agent connected to process B hears the
/// assignment; the customer, connected to A, hears the public reply and never the internal note; another agent on B
/// who followed the ticket while it was queued loses it with the assignment.
@Suite(.serialized, .postgresServer) struct RealtimeMultiProcessTests {
    @Test func `events cross processes: an agent on B hears the assignment made on A; the customer on A hears the reply, not the note`() async throws {
        let database = try await ScratchPostgresDatabase.create()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-realtime-\(UUID().uuidString)")
        var servers: [APIServerProcess] = []
        do {
            let environment = ["SWITCHBOARD_DATABASE_URL": database.url, "SWITCHBOARD_JWT_SECRET": "realtime-test-secret-" + UUID().uuidString]
            let a = try start(["--demo"], named: "a", in: folder, environment: environment, avoiding: [])
            servers.append(a)
            try await a.waitUntilListening()
            let b = try start([], named: "b", in: folder, environment: environment, avoiding: [a.base.port ?? 0])
            servers.append(b)
            try await b.waitUntilListening()
            try await exercise(a, b)
            for server in servers { #expect(await server.stop() == 0, "SIGTERM shuts \(server.base) down gracefully: \(server.stderr)") }
        } catch {
            for server in servers { _ = await server.stop() }
            try? FileManager.default.removeItem(at: folder)
            try? await database.drop()
            throw error
        }
        try? FileManager.default.removeItem(at: folder)
        try await database.drop()
    }

    private func exercise(_ a: APIServerProcess, _ b: APIServerProcess) async throws {
        let customer = try await login(a, "customer@example.com", "customer123")
        let agent = try await login(b, "agent1@example.com", "agent123")
        let admin = try await login(a, "admin@example.com", "admin123")
        let agentID = try #require(try await b.call("GET", "/api/v1/auth/me", token: agent).json["user"]["id"].string, "the agent's id")

        let agentSocket = try await RealtimeTestClient.connect(socket(b), headers: [.authorization: "Bearer \(agent)"], name: "agent on B")
        agentSocket.send(["type": "subscribe", "room": "agent:me"])
        #expect(try await agentSocket.next("subscribed to agent:me") { $0.type == "subscribed" } != nil, "the agent subscribes to their channel on B")

        let created = try await a.call("POST", "/api/v1/tickets", token: customer, json: ["subject": "Printer on fire", "description": "It smokes.", "category": "general"])
        let ticketID = try #require(created.json["id"].string, "the customer creates a ticket through A: \(created.status) \(created.json)")
        // A browser-style connection to A with a single-use ticket.
        let issued = try await a.call("POST", "/api/v1/realtime/tickets", token: customer)
        let pass = try #require(issued.json["ticket"].string, "A issues a real-time ticket: \(issued.json)")
        let customerSocket = try await RealtimeTestClient.connect("\(socket(a))?ticket=\(pass)", name: "customer on A")
        customerSocket.send(["type": "subscribe", "room": "ticket:\(ticketID)"])
        #expect(try await customerSocket.next("subscribed to the ticket") { $0.type == "subscribed" } != nil, "the customer follows their ticket on A")

        // Agent 2, on B, follows the ticket while it waits in the queue; the assignment made through A takes it out of their view.
        let agent2 = try await login(b, "agent2@example.com", "agent123")
        let agent2Socket = try await RealtimeTestClient.connect(socket(b), headers: [.authorization: "Bearer \(agent2)"], name: "agent2 on B")
        for room in ["ticket:\(ticketID)", "agent:me"] {
            agent2Socket.send(["type": "subscribe", "room": room])
            #expect(try await agent2Socket.next("subscribed to \(room)") { $0.type == "subscribed" && $0.room == room } != nil, "agent 2 follows \(room) on B")
        }

        let assigned = try await a.call("POST", "/api/v1/tickets/\(ticketID)/assign", token: admin, json: ["agentId": agentID])
        #expect(assigned.status == 200, "the admin assigns the ticket through A: \(assigned.json)")
        let heard = try await agentSocket.next("ticket.assigned on B", within: .seconds(20)) { $0.type == "ticket.assigned" && $0.data("ticketId") == ticketID }
        #expect(heard != nil, "the agent connected to B hears the assignment made through A: \(agentSocket.frames)")

        let note = try await b.call("POST", "/api/v1/tickets/\(ticketID)/messages", token: agent, json: ["body": "Customer sounds upset", "internal": true])
        let reply = try await b.call("POST", "/api/v1/tickets/\(ticketID)/messages", token: agent, json: ["body": "On our way."])
        let noteID = try #require(note.json["id"].string, "the agent posts a note through B: \(note.json)")
        let replyID = try #require(reply.json["id"].string, "the agent replies through B: \(reply.json)")
        let heardReply = try await customerSocket.next("the reply on A", within: .seconds(20)) { $0.type == "message.created" && $0.data("messageId") == replyID }
        #expect(heardReply != nil, "the customer connected to A hears the public reply posted through B: \(customerSocket.frames)")
        #expect(!customerSocket.frames.contains { $0.data("messageId") == noteID }, "the customer never receives the internal note: \(customerSocket.frames)")

        // B dropped agent 2's ticket room after the assignment; the note and reply came later. A marker on their own channel
        // (their status change, published after the messages) shows that those would have arrived by now.
        let dropped = try await agent2Socket.next("the drop of ticket:\(ticketID) on B", within: .seconds(20)) { $0.type == "error" && $0.room == "ticket:\(ticketID)" }
        #expect(dropped?.code == "forbidden", "agent 2 is told they may no longer follow the ticket: \(agent2Socket.frames)")
        let busy = try await b.call("PUT", "/api/v1/agents/me/status", token: agent2, json: ["status": "busy"])
        #expect(busy.status == 200, "agent 2 turns busy: \(busy.json)")
        let marker = try await agent2Socket.next("agent 2's status change", within: .seconds(20)) { $0.type == "agent.status_changed" && $0.room == "agent:me" }
        #expect(marker != nil, "agent 2 hears their own status change on B: \(agent2Socket.frames)")
        #expect(!agent2Socket.frames.contains { $0.room == "ticket:\(ticketID)" && ($0.data("messageId") == noteID || $0.data("messageId") == replyID) },
                "nothing of the ticket after the assignment reaches agent 2: \(agent2Socket.frames)")
        await agent2Socket.disconnect()
        await agentSocket.disconnect()
        await customerSocket.disconnect()
    }

    private func socket(_ server: APIServerProcess) -> String {
        "ws://\(server.base.host ?? "127.0.0.1"):\(server.base.port ?? 0)/api/v1/realtime"
    }

    private func login(_ server: APIServerProcess, _ email: String, _ password: String) async throws -> String {
        let response = try await server.call("POST", "/api/v1/auth/login", json: ["email": email, "password": password])
        return try #require(response.json["accessToken"].string, "login of \(email): \(response.status) \(response.json)")
    }

    private func start(_ arguments: [String], named name: String, in folder: URL, environment: [String: String], avoiding ports: [Int]) throws -> APIServerProcess {
        let directory = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var port = try freeLocalPort()
        while ports.contains(port) { port = try freeLocalPort() }
        var environment = environment
        environment["SWITCHBOARD_DATA_DIR"] = directory.appendingPathComponent("var").path
        return try APIServerProcess(arguments: arguments, in: directory, port: port, environment: environment)
    }
}
