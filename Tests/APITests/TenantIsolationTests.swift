import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Memory
import Testing

/// No endpoint leaks across organizations (§14): every documented route is tried by globex's users on
/// acme's records, and every list is read by them.
@Suite struct TenantIsolationTests {
    /// Bodies that would be valid in the caller's own organization, so that a 404 can only mean "not yours".
    private func body(for method: String, path: String, _ api: TestAPI) -> [String: any Sendable] {
        let agent = api.fixture.user("agent@globex.test").id.description
        switch (method, path.split(separator: "/").last.map(String.init) ?? "") {
        case ("PATCH", "{id}") where path.contains("tickets"): return ["subject": "mine now"]
        case ("PATCH", "{id}") where path.contains("agents"): return ["tier": 2]
        case ("PATCH", "{id}"): return ["name": "Renamed"]
        case (_, "assign"): return ["agentId": agent]
        case (_, "status"): return ["status": "in_progress"]
        case (_, "priority"): return ["priority": "urgent"]
        case (_, "escalate"): return ["toAgentId": agent, "reason": "x"]
        case (_, "resolve"): return ["resolutionType": "solved", "summary": "x"]
        case (_, "reopen"): return ["reason": "x"]
        case (_, "rate"): return ["rating": 5]
        case ("POST", "messages"): return ["body": "hello"]
        default: return [:]
        }
    }

    @Test func noRouteWithAnIDReachesAnotherOrganizationsRecords() async throws {
        try await TestAPI.run { api in
            let f = api.fixture
            let ticket = try await api.openTicket()
            _ = try await api.call(.post, "/api/v1/tickets/\(ticket)/take", as: "agent1@acme.test")
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0])
            let attachment = try #require(try await api.upload(png, filename: "a.png", to: ticket).json["id"].string)
            let before = try await f.snapshot()
            // The ticket's confirmation waits in acme's outbox: the job another organization's admin must not retry.
            let job = try #require(try await f.storage.jobs(kind: Outbox.jobKind, state: .pending, limit: 10).first, "acme's outbox job")
            let ids = [
                "tickets": ticket, "agents": f.user("agent1@acme.test").id.description, "departments": f.support.id.description,
                "admin": job.id.description, "attachments": attachment, "files": attachment,
            ]
            let routes = api.validator.operations.filter { $0.contains("{id}") }.sorted()
            #expect(routes.count == 23, "every ticket verb, messages, history, attachments, files, agents (and their status history), departments and the outbox retry: \(routes)")
            for route in routes {
                let parts = route.split(separator: " ")
                let (method, template) = (String(parts[0]), String(parts[1]))
                let collection = template.split(separator: "/")[2]
                // Attachments and files are ticket records: existence must not leak to anyone.
                let path = template.replacingOccurrences(of: "{id}", with: ids[String(collection)]!)
                for email in ["admin@globex.test", "agent@globex.test", "customer@globex.test"] {
                    let response = try await api.call(HTTPRequest.Method(method)!, path, as: email, json: body(for: method, path: template, api))
                    let expected: Set<Int> = ["tickets", "attachments", "files"].contains(collection) || email == "admin@globex.test" ? [404] : [403, 404]
                    #expect(expected.contains(response.code), "\(email) \(method) \(path): \(response.code) \(response.text)")
                    #expect(!response.text.contains("Printer on fire") && !response.text.contains("agent1@acme.test"), "\(route) leaked: \(response.text)")
                }
            }
            #expect(try await f.snapshot() == before, "nothing changed in either organization")
        }
    }

    @Test func listsOnlyShowTheCallersOrganization() async throws {
        try await TestAPI.run { api in
            let f = api.fixture
            _ = try await api.openTicket()
            let globexTicket = try await api.openTicket(as: "customer@globex.test", ["departmentId": f.globexDesk.id.description])
            for email in ["admin@globex.test", "agent@globex.test", "customer@globex.test"] {
                let tickets = try await api.call(.get, "/api/v1/tickets", as: email)
                #expect(tickets.json["items"].array.compactMap { $0["id"].string } == [globexTicket], "\(email)")
                let byCustomer = try await api.call(.get, "/api/v1/tickets?customer=\(f.user("customer@acme.test").id)", as: email)
                #expect(byCustomer.json["items"].array.isEmpty, "\(email)")
            }
            let agents = try await api.call(.get, "/api/v1/agents", as: "admin@globex.test")
            #expect(agents.json["items"].array.compactMap { $0["email"].string }.sorted() == ["admin@globex.test", "agent@globex.test"])
            let departments = try await api.call(.get, "/api/v1/departments", as: "agent@globex.test")
            #expect(departments.json["items"].array.compactMap { $0["name"].string } == ["Desk"])
            let queue = try await api.call(.get, "/api/v1/queue", as: "agent@globex.test")
            #expect(queue.json["unassigned"].array.compactMap { $0["id"].string } == [globexTicket])
            // Numbers are per organization.
            #expect(try await api.call(.get, "/api/v1/tickets/\(globexTicket)", as: "admin@globex.test").json["number"].string == "TKT-000001")
        }
    }

    @Test func anotherOrganizationsIDsAreRefusedAsInput() async throws {
        try await TestAPI.run { api in
            let f = api.fixture
            let open = try await api.call(.post, "/api/v1/tickets", as: "customer@globex.test", json: [
                "subject": "s", "description": "d", "departmentId": f.support.id.description,
            ])
            #expect(open.status == .unprocessableContent && open.problemFields == ["departmentId"])
            let ticket = try await api.openTicket()
            let assign = try await api.call(.post, "/api/v1/tickets/\(ticket)/assign", as: "admin@acme.test", json: ["agentId": f.user("agent@globex.test").id.description])
            #expect(assign.status == .unprocessableContent && assign.problemFields == ["agentId"])
            let agent = try await api.call(.patch, "/api/v1/agents/\(f.user("agent@globex.test").id)", as: "admin@acme.test", json: ["tier": 2])
            #expect(agent.status == .notFound)
            let staffTicket = try await api.call(.post, "/api/v1/tickets", as: "admin@globex.test", json: [
                "subject": "s", "description": "d", "customerId": f.user("customer@acme.test").id.description,
            ])
            #expect(staffTicket.status == .unprocessableContent && staffTicket.problemFields == ["customerId"])
        }
    }
}
