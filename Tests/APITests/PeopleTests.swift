import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Memory
import Testing

/// Agents, departments and the agent dashboard.
@Suite struct PeopleTests {
    @Test func theQueueShowsMyWorkWhatICanTakeAndWhatIsUrgent() async throws {
        try await TestAPI.run { api in
            let mine = try await api.openTicket(["subject": "Mine"])
            _ = try await api.openTicket(["subject": "Waiting", "priority": "urgent"])
            _ = try await api.call(.post, "/api/v1/tickets/\(mine)/take", as: "agent1@acme.test")
            let queue = try await api.call(.get, "/api/v1/queue", as: "agent1@acme.test")
            #expect(queue.status == .ok)
            #expect(queue.json["assignedToMe"].array.compactMap { $0["subject"].string } == ["Mine"])
            #expect(queue.json["unassigned"].array.compactMap { $0["subject"].string } == ["Waiting"])
            #expect(queue.json["urgent"].array.compactMap { $0["subject"].string } == ["Waiting"])
            #expect(queue.json["workload"]["activeTickets"].int == 1 && queue.json["workload"]["capacity"].int == 5)
            #expect(try await api.call(.get, "/api/v1/queue", as: "customer@acme.test").status == .forbidden)
        }
    }

    @Test func adminsManageAgents() async throws {
        try await TestAPI.run { api in
            let f = api.fixture
            let created = try await api.call(.post, "/api/v1/agents", as: "admin@acme.test", json: [
                "email": "tier2@acme.test", "name": "Tia", "password": "password9", "role": "supervisor",
                "departmentIds": [f.billing.id.description], "tier": 2, "skills": ["refunds"], "languages": ["en", "de"],
                "maxConcurrentTickets": 8, "shift": ["timeZone": "Europe/Berlin", "windows": [["weekday": 1, "startMinute": 540, "endMinute": 1020]]] as [String: any Sendable],
            ])
            #expect(created.status == .created)
            #expect(created.json["role"].string == "supervisor" && created.json["tier"].int == 2 && created.json["status"].string == "offline")
            #expect(created.json["shift"]["windows"][0]["startMinute"].int == 540)
            let id = try #require(created.json["id"].string)
            #expect(try await api.call(.post, "/api/v1/auth/login", json: ["email": "tier2@acme.test", "password": "password9"]).status == .ok)

            let list = try await api.call(.get, "/api/v1/agents", as: "agent1@acme.test")
            #expect(list.status == .ok)
            #expect(Set(list.json["items"].array.compactMap { $0["email"].string }) == [
                "admin@acme.test", "lead@acme.test", "agent1@acme.test", "agent2@acme.test", "billing@acme.test", "tier2@acme.test",
            ])

            let patched = try await api.call(.patch, "/api/v1/agents/\(id)", as: "admin@acme.test", json: ["maxConcurrentTickets": 3, "skills": [String]()], headers: [.ifMatch: "\"1\""])
            #expect(patched.status == .ok && patched.json["maxConcurrentTickets"].int == 3 && patched.json["version"].int == 2)
            let stale = try await api.call(.patch, "/api/v1/agents/\(id)", as: "admin@acme.test", json: ["tier": 3], headers: [.ifMatch: "\"1\""])
            #expect(stale.status == .preconditionFailed)
            let invalid = try await api.call(.patch, "/api/v1/agents/\(id)", as: "admin@acme.test", json: ["tier": 9, "maxConcurrentTickets": 0, "status": "asleep"])
            #expect(invalid.status == .unprocessableContent && Set(invalid.problemFields) == ["status"], "enum values are read first: \(invalid.text)")
            let ranges = try await api.call(.patch, "/api/v1/agents/\(id)", as: "admin@acme.test", json: ["tier": 9, "maxConcurrentTickets": 0])
            #expect(ranges.status == .unprocessableContent && Set(ranges.problemFields) == ["tier", "maxConcurrentTickets"])
            let unknownDepartment = try await api.call(.patch, "/api/v1/agents/\(id)", as: "admin@acme.test", json: ["departmentIds": [UUID().uuidString]])
            #expect(unknownDepartment.status == .unprocessableContent && unknownDepartment.problemFields == ["departmentIds"])
        }
    }

    @Test func agentCreationIsValidatedAndAdminOnly() async throws {
        try await TestAPI.run { api in
            let invalid = try await api.call(.post, "/api/v1/agents", as: "admin@acme.test", json: ["email": "bad", "role": "customer"])
            #expect(invalid.status == .unprocessableContent && invalid.problemFields == ["role"])
            let missing = try await api.call(.post, "/api/v1/agents", as: "admin@acme.test", json: ["email": "bad"])
            #expect(missing.status == .unprocessableContent && Set(missing.problemFields) == ["email", "name", "password"])
            let duplicate = try await api.call(.post, "/api/v1/agents", as: "admin@acme.test", json: ["email": "agent1@acme.test", "name": "A", "password": "password1"])
            #expect(duplicate.status == .unprocessableContent && duplicate.problemFields == ["email"])
            let body: [String: any Sendable] = ["email": "x@acme.test", "name": "X", "password": "password1"]
            for email in ["lead@acme.test", "agent1@acme.test", "customer@acme.test"] {
                #expect(try await api.call(.post, "/api/v1/agents", as: email, json: body).status == .forbidden, "\(email)")
                #expect(try await api.call(.patch, "/api/v1/agents/\(api.fixture.user("agent2@acme.test").id)", as: email, json: ["tier": 2]).status == .forbidden, "\(email)")
            }
            #expect(try await api.call(.get, "/api/v1/agents", as: "customer@acme.test").status == .forbidden)
            #expect(try await api.call(.patch, "/api/v1/agents/\(UUID().uuidString)", as: "admin@acme.test", json: ["tier": 2]).status == .notFound)
            #expect(try await api.call(.patch, "/api/v1/agents/\(api.fixture.user("customer@acme.test").id)", as: "admin@acme.test", json: ["tier": 2]).status == .notFound)
        }
    }

    @Test func staffSetTheirOwnAvailability() async throws {
        try await TestAPI.run { api in
            let response = try await api.call(.put, "/api/v1/agents/me/status", as: "agent2@acme.test", json: ["status": "available"])
            #expect(response.status == .ok && response.json["status"].string == "available" && response.json["email"].string == "agent2@acme.test")
            let invalid = try await api.call(.put, "/api/v1/agents/me/status", as: "agent2@acme.test", json: ["status": "napping"])
            #expect(invalid.status == .unprocessableContent && invalid.problemFields == ["status"])
            #expect(try await api.call(.put, "/api/v1/agents/me/status", as: "customer@acme.test", json: ["status": "available"]).status == .forbidden)
        }
    }

    @Test func adminsManageDepartments() async throws {
        try await TestAPI.run { api in
            let created = try await api.call(.post, "/api/v1/departments", as: "admin@acme.test", json: [
                "name": "Escalations", "description": "Tier 3", "tier": 3, "routingStrategy": "least_loaded",
            ])
            #expect(created.status == .created && created.json["routingStrategy"].string == "least_loaded" && created.headers[.eTag] == "\"1\"")
            let id = try #require(created.json["id"].string)
            let list = try await api.call(.get, "/api/v1/departments", as: "customer@acme.test")
            #expect(list.json["items"].array.compactMap { $0["name"].string }.sorted() == ["Billing", "Escalations", "Support"])

            let renamed = try await api.call(.patch, "/api/v1/departments/\(id)", as: "admin@acme.test", json: ["name": "Level 3"], headers: [.ifMatch: "\"1\""])
            #expect(renamed.status == .ok && renamed.json["name"].string == "Level 3" && renamed.json["version"].int == 2)
            #expect(try await api.call(.patch, "/api/v1/departments/\(id)", as: "admin@acme.test", json: ["tier": 2], headers: [.ifMatch: "\"1\""]).status == .preconditionFailed)

            let duplicate = try await api.call(.post, "/api/v1/departments", as: "admin@acme.test", json: ["name": "Support"])
            #expect(duplicate.status == .unprocessableContent && duplicate.problemFields == ["name"])
            let invalid = try await api.call(.post, "/api/v1/departments", as: "admin@acme.test", json: ["tier": 4, "routingStrategy": "random"])
            #expect(invalid.status == .unprocessableContent && invalid.problemFields == ["routingStrategy"])
            let missing = try await api.call(.post, "/api/v1/departments", as: "admin@acme.test", json: ["tier": 4])
            #expect(missing.status == .unprocessableContent && Set(missing.problemFields) == ["name", "tier"])
            for email in ["lead@acme.test", "agent1@acme.test", "customer@acme.test"] {
                #expect(try await api.call(.post, "/api/v1/departments", as: email, json: ["name": "Mine"]).status == .forbidden, "\(email)")
                #expect(try await api.call(.patch, "/api/v1/departments/\(id)", as: email, json: ["name": "Mine"]).status == .forbidden, "\(email)")
            }
            #expect(try await api.call(.patch, "/api/v1/departments/\(UUID().uuidString)", as: "admin@acme.test", json: ["name": "X"]).status == .notFound)
        }
    }
}
