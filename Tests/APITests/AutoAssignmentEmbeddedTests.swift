import Foundation
import Testing
import TestSupport

/// Auto-assignment end to end on the embedded server (which runs the worker's jobs): a customer opens a ticket, an
/// agent sets themselves available, and within the configured interval the ticket is theirs and shows in their
/// queue — with no take.
@Suite(.serialized) struct AutoAssignmentEmbeddedTests {
    static let interval = 0.5

    @Test func aNewTicketReachesTheAgentWhoBecomesAvailableWithinTheInterval() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-routing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try APIServerProcess(
            arguments: ["--demo"], in: folder, port: try freeLocalPort(),
            environment: ["SWITCHBOARD_ASSIGNMENT_INTERVAL": String(Self.interval)])
        do {
            try await server.waitUntilListening()
            let customer = try #require(try await server.call("POST", "/api/v1/auth/login", json: ["email": "customer@example.com", "password": "customer123"]).json["accessToken"].string)
            let agent = try #require(try await server.call("POST", "/api/v1/auth/login", json: ["email": "agent1@example.com", "password": "agent123"]).json["accessToken"].string)
            let opened = try await server.call("POST", "/api/v1/tickets", token: customer, json: [
                "subject": "Where is my refund?", "description": "It has been two weeks.", "category": "payment", "priority": "urgent",
            ])
            #expect(opened.status == 201)
            let id = try #require(opened.json["id"].string)

            // Agents start offline: nothing is assigned yet.
            let before = try await server.call("GET", "/api/v1/tickets/\(id)", token: agent)
            #expect(before.json["assigneeId"].string == nil, "no agent is available yet: \(before.json)")

            let status = try await server.call("PUT", "/api/v1/agents/me/status", token: agent, json: ["status": "available"])
            #expect(status.status == 200, "PUT /agents/me/status: \(status.json)")
            let madeAvailable = ContinuousClock.now

            // The change to available nudges a pass at once; the interval bounds it. Polling the API is the only
            // way a client can observe it; the deadline is the interval plus generous slack for a loaded machine.
            var queue = try await server.call("GET", "/api/v1/queue", token: agent)
            while !queue.json["assignedToMe"].array.contains(where: { $0["id"].string == id }),
                ContinuousClock.now - madeAvailable < .seconds(Self.interval) + .seconds(15) {
                try await Task.sleep(for: .milliseconds(100))
                queue = try await server.call("GET", "/api/v1/queue", token: agent)
            }
            #expect(queue.json["assignedToMe"].array.contains { $0["id"].string == id }, "the agent's queue shows the ticket: \(queue.json)")
            let ticket = try await server.call("GET", "/api/v1/tickets/\(id)", token: agent)
            #expect(ticket.json["status"].string == "assigned")
            let history = try await server.call("GET", "/api/v1/tickets/\(id)/history", token: agent)
            #expect(history.json["items"].array.contains { $0["kind"].string == "assigned" }, "the assignment is in the history: \(history.json)")
            #expect(await server.stop() == 0, "SIGTERM shuts it down gracefully: \(server.stderr)")
        } catch {
            _ = await server.stop()
            throw error
        }
    }
}
