import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Memory
import Testing

/// The verbs of a ticket's life, each through its endpoint, with the refusals the policy demands.
@Suite struct TicketActionTests {
    @Test func aTicketsWholeLife() async throws {
        try await TestAPI.run { api in
            let f = api.fixture
            let id = try await api.openTicket()
            let path = "/api/v1/tickets/\(id)"
            let taken = try await api.call(.post, "\(path)/take", as: "agent1@acme.test")
            #expect(taken.status == .ok && taken.json["status"].string == "assigned")
            #expect(taken.json["assigneeId"].string == f.user("agent1@acme.test").id.description)

            let working = try await api.call(.post, "\(path)/status", as: "agent1@acme.test", json: ["status": "in_progress", "note": "on it"])
            #expect(working.status == .ok && working.json["status"].string == "in_progress")
            let urgent = try await api.call(.post, "\(path)/priority", as: "agent1@acme.test", json: ["priority": "urgent"])
            #expect(urgent.status == .ok && urgent.json["priority"].string == "urgent")

            let escalated = try await api.call(.post, "\(path)/escalate", as: "agent1@acme.test", json: [
                "toDepartmentId": f.billing.id.description, "reason": "needs a refund",
            ])
            #expect(escalated.status == .ok && escalated.json["status"].string == "escalated")
            #expect(escalated.json["escalationLevel"].int == 1 && escalated.json["assigneeId"].isNull)
            #expect(escalated.json["escalations"][0]["reason"].string == "needs a refund")

            let assigned = try await api.call(.post, "\(path)/assign", as: "admin@acme.test", json: ["agentId": f.user("billing@acme.test").id.description])
            #expect(assigned.status == .ok && assigned.json["assigneeId"].string == f.user("billing@acme.test").id.description)

            let resolved = try await api.call(.post, "\(path)/resolve", as: "billing@acme.test", json: [
                "resolutionType": "solved", "summary": "Refunded", "notes": "manual refund in the back office",
            ])
            #expect(resolved.status == .ok && resolved.json["status"].string == "resolved")
            #expect(resolved.json["resolution"]["resolutionType"].string == "solved")
            #expect(resolved.json["resolvedAt"].string == resolved.json["resolution"]["resolvedAt"].string)
            let seenByCustomer = try await api.call(.get, path, as: "customer@acme.test")
            #expect(seenByCustomer.json["resolution"]["summary"].string == "Refunded")
            #expect(!seenByCustomer.json["resolution"]["notes"].exists && !seenByCustomer.json["escalations"].exists, "internal fields stay with staff")

            let rated = try await api.call(.post, "\(path)/rate", as: "customer@acme.test", json: ["rating": 5, "feedback": "quick", "nps": 9, "resolvedIssue": true])
            #expect(rated.status == .ok && rated.json["rating"]["rating"].int == 5)
            let closed = try await api.call(.post, "\(path)/close", as: "customer@acme.test")
            #expect(closed.status == .ok && closed.json["status"].string == "closed" && closed.json["closedAt"].string != nil)
            let reopened = try await api.call(.post, "\(path)/reopen", as: "customer@acme.test", json: ["reason": "it happened again"])
            #expect(reopened.status == .ok && reopened.json["status"].string == "reopened" && reopened.json["reopenCount"].int == 1)

            let history = try await api.call(.get, "\(path)/history", as: "admin@acme.test")
            let kinds = history.json["items"].array.compactMap { $0["kind"].string }
            #expect(kinds.first == "created" && kinds.contains("escalated") && kinds.contains("rated") && kinds.last == "reopened")
        }
    }

    @Test func illegalTransitionsSayFromAndTo() async throws {
        try await TestAPI.run { api in
            let id = try await api.openTicket()
            _ = try await api.call(.post, "/api/v1/tickets/\(id)/take", as: "agent1@acme.test")
            _ = try await api.call(.post, "/api/v1/tickets/\(id)/resolve", as: "agent1@acme.test", json: ["resolutionType": "duplicate", "summary": "dup"])
            let response = try await api.call(.post, "/api/v1/tickets/\(id)/status", as: "agent1@acme.test", json: ["status": "waiting_customer"])
            #expect(response.status == .conflict)
            #expect(response.json["type"].string == "urn:switchboard:problem:illegal-transition")
            #expect(response.json["from"].string == "resolved" && response.json["to"].string == "waiting_customer")
            #expect(response.json["allowed"].array.compactMap(\.string) == ["closed", "reopened"])
        }
    }

    @Test func actionBodiesAreValidated() async throws {
        try await TestAPI.run { api in
            let id = try await api.openTicket()
            let path = "/api/v1/tickets/\(id)"
            let cases: [(String, [String: any Sendable], Int, [String])] = [
                ("assign", [:], 422, ["agentId"]), ("assign", ["agentId": "bob"], 422, ["agentId"]),
                ("assign", ["agentId": api.fixture.user("customer@acme.test").id.description], 422, ["agentId"]),
                ("status", [:], 422, ["status"]), ("status", ["status": "sleeping"], 422, ["status"]),
                ("status", ["status": "resolved"], 422, ["status"]),
                ("priority", ["priority": "meh"], 422, ["priority"]), ("priority", ["priority": 3], 400, ["priority"]),
                ("escalate", ["reason": "x"], 422, ["toAgentId"]), ("escalate", ["toDepartmentId": api.fixture.billing.id.description], 422, ["reason"]),
                ("resolve", ["summary": "x"], 422, ["resolutionType"]), ("resolve", ["resolutionType": "magic", "summary": "x"], 422, ["resolutionType"]),
                ("resolve", ["resolutionType": "solved"], 422, ["summary"]),
                ("reopen", [:], 422, ["reason"]), ("rate", ["rating": 9], 422, ["rating"]), ("rate", ["rating": "five"], 400, ["rating"]),
            ]
            for (verb, body, status, fields) in cases {
                let response = try await api.call(.post, "\(path)/\(verb)", as: "admin@acme.test", json: body)
                #expect(response.code == status && response.problemFields == fields, "\(verb) \(body): \(response.text)")
            }
            let stale = try await api.call(.post, "\(path)/take", as: "agent1@acme.test", headers: [.ifMatch: "\"7\""])
            #expect(stale.status == .preconditionFailed && stale.json["currentVersion"].int == 1)
            #expect(try await api.call(.post, "\(path)/take", as: "agent1@acme.test", headers: [.ifMatch: "\"1\""]).status == .ok)
            let hidden = try await api.call(.post, "\(path)/take", as: "agent2@acme.test")
            #expect(hidden.status == .notFound, "another agent's ticket leaves agent2's queue: \(hidden.text)")
            let taken = try await api.call(.post, "\(path)/take", as: "admin@acme.test")
            #expect(taken.status == .conflict, "already assigned: \(taken.text)")
        }
    }

    /// Who may do what (§14): visible-but-not-allowed is 403; invisible is 404.
    @Test func rolesAreRefusedAsThePolicySays() async throws {
        try await TestAPI.run { api in
            let f = api.fixture
            let id = try await api.openTicket()
            let path = "/api/v1/tickets/\(id)"
            let cases: [(String, String, [String: any Sendable], Int)] = [
                ("customer@acme.test", "take", [:], 403),
                ("customer@acme.test", "assign", ["agentId": f.user("agent1@acme.test").id.description], 403),
                ("customer@acme.test", "status", ["status": "in_progress"], 403),
                ("customer@acme.test", "priority", ["priority": "urgent"], 403),
                ("customer@acme.test", "escalate", ["toDepartmentId": f.billing.id.description, "reason": "x"], 403),
                ("customer@acme.test", "resolve", ["resolutionType": "solved", "summary": "x"], 403),
                ("other@acme.test", "close", [:], 404),
                ("other@acme.test", "take", [:], 404),
                ("billing@acme.test", "take", [:], 404),
                ("agent2@acme.test", "assign", ["agentId": f.user("agent1@acme.test").id.description], 403),
                ("agent2@acme.test", "resolve", ["resolutionType": "solved", "summary": "x"], 403),
                ("agent2@acme.test", "rate", ["rating": 4], 403),
                ("admin@acme.test", "rate", ["rating": 4], 409), // admins may, but an open ticket cannot be rated
            ]
            for (email, verb, body, status) in cases {
                let response = try await api.call(.post, "\(path)/\(verb)", as: email, json: body)
                #expect(response.code == status, "\(email) \(verb): \(response.text)")
            }
            #expect(try await api.call(.get, path, as: "other@acme.test").status == .notFound)
            #expect(try await api.call(.get, path, as: "billing@acme.test").status == .notFound)
            #expect(try await api.call(.get, "\(path)/history", as: "customer@acme.test").status == .forbidden)
            // Nothing of the refused attempts was written.
            #expect(try await api.call(.get, path, as: "admin@acme.test").json["version"].int == 1)
        }
    }
}
