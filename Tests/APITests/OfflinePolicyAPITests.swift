import Domain
import Foundation
import HTTPTypes
import Memory
import Testing

/// The departments' offline policy and the agents' availability history over HTTP (issue 7).
@Suite struct OfflinePolicyAPITests {
    @Test func departmentsExposeAndValidateTheirOfflinePolicy() async throws {
        try await TestAPI.run { api in
            let created = try await api.call(.post, "/api/v1/departments", as: "admin@acme.test", json: ["name": "Night shift"])
            #expect(created.status == .created && created.json["offlinePolicy"].string == "keep_assigned", "the default: \(created.text)")
            let id = try #require(created.json["id"].string)
            let changed = try await api.call(.patch, "/api/v1/departments/\(id)", as: "admin@acme.test", json: ["offlinePolicy": "return_to_queue"])
            #expect(changed.status == .ok && changed.json["offlinePolicy"].string == "return_to_queue", "\(changed.text)")
            let listed = try await api.call(.get, "/api/v1/departments", as: "agent1@acme.test")
            #expect(listed.json["items"].array.first { $0["id"].string == id }?["offlinePolicy"].string == "return_to_queue")

            let invalid = try await api.call(.patch, "/api/v1/departments/\(id)", as: "admin@acme.test", json: ["offlinePolicy": "vanish"])
            #expect(invalid.status == .unprocessableContent && invalid.isProblem && invalid.problemFields == ["offlinePolicy"], "\(invalid.text)")
            let created2 = try await api.call(.post, "/api/v1/departments", as: "admin@acme.test", json: ["name": "X", "offlinePolicy": "later"])
            #expect(created2.status == .unprocessableContent && created2.problemFields == ["offlinePolicy"], "\(created2.text)")
            let shape = try await api.call(.patch, "/api/v1/departments/\(id)", as: "admin@acme.test", json: ["offlinePolicy": 1])
            #expect(shape.status == .badRequest && shape.isProblem, "a number where a string belongs is a 400: \(shape.text)")
            #expect(try await api.call(.patch, "/api/v1/departments/\(id)", as: "lead@acme.test", json: ["offlinePolicy": "keep_assigned"]).status == .forbidden)
        }
    }

    @Test func anAgentGoingAwayReturnsTheirTicketsToTheQueueAndTheChangeIsInTheirHistory() async throws {
        try await TestAPI.run { api in
            let f = api.fixture
            let policy = try await api.call(.patch, "/api/v1/departments/\(f.support.id)", as: "admin@acme.test", json: ["offlinePolicy": "return_to_queue"])
            #expect(policy.status == .ok, "\(policy.text)")
            #expect(try await api.call(.put, "/api/v1/agents/me/status", as: "agent1@acme.test", json: ["status": "available"]).status == .ok)
            let id = try await api.openTicket()
            #expect(try await api.call(.post, "/api/v1/tickets/\(id)/take", as: "agent1@acme.test").status == .ok)
            f.clock.advance(by: 60)

            let away = try await api.call(.put, "/api/v1/agents/me/status", as: "agent1@acme.test", json: ["status": "away"])
            #expect(away.status == .ok && away.json["status"].string == "away", "\(away.text)")
            let ticket = try await api.call(.get, "/api/v1/tickets/\(id)", as: "admin@acme.test")
            #expect(ticket.json["assigneeId"].isNull && ticket.json["status"].string == "open", "back in the queue: \(ticket.text)")
            let history = try await api.call(.get, "/api/v1/tickets/\(id)/history", as: "admin@acme.test")
            #expect(history.json["items"].array.last?["kind"].string == "unassigned", "\(history.text)")
            let queue = try await api.call(.get, "/api/v1/queue", as: "agent2@acme.test")
            #expect(queue.json["unassigned"].array.contains { $0["id"].string == id }, "agent2 can take it now: \(queue.text)")

            let agent = f.user("agent1@acme.test").id
            let changes = try await api.call(.get, "/api/v1/agents/\(agent)/status-history", as: "lead@acme.test")
            #expect(changes.status == .ok, "\(changes.text)")
            let newest = changes.json["items"][0]
            #expect(newest["status"].string == "away" && newest["previous"].string == "available", "\(changes.text)")
            #expect(newest["returnedTicketIds"].array.map(\.string) == [id] && newest["actorId"].string == agent.description)
            #expect(changes.json["items"].array.count == 2, "offline → available → away")
            let one = try await api.call(.get, "/api/v1/agents/\(agent)/status-history?limit=1", as: "admin@acme.test")
            #expect(one.json["items"].array.count == 1)

            #expect(try await api.call(.get, "/api/v1/agents/\(agent)/status-history", as: "agent2@acme.test").status == .forbidden)
            #expect(try await api.call(.get, "/api/v1/agents/\(agent)/status-history", as: "admin@globex.test").status == .notFound)
            let bad = try await api.call(.get, "/api/v1/agents/\(agent)/status-history?limit=abc", as: "admin@acme.test")
            #expect(bad.status == .unprocessableContent && bad.problemFields == ["limit"], "\(bad.text)")
            let tooMany = try await api.call(.get, "/api/v1/agents/\(agent)/status-history?limit=0", as: "admin@acme.test")
            #expect(tooMany.status == .unprocessableContent && tooMany.problemFields == ["limit"], "\(tooMany.text)")
        }
    }
}
