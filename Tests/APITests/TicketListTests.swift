import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Memory
import Testing

/// `GET /tickets`: every filter of §12 but full-text, sort and cursor pagination, role-filtered.
@Suite struct TicketListTests {
    /// Four tickets with distinct attributes, one hour apart.
    private func seed(_ api: TestAPI) async throws -> [String] {
        var ids: [String] = []
        ids.append(try await api.openTicket(as: "customer@acme.test", ["subject": "A", "priority": "low", "category": "account", "tags": ["vip"]]))
        api.fixture.clock.advance(by: 3600)
        ids.append(try await api.openTicket(as: "customer@acme.test", ["subject": "B", "priority": "urgent", "category": "payment", "channel": "email"]))
        api.fixture.clock.advance(by: 3600)
        ids.append(try await api.openTicket(as: "other@acme.test", ["subject": "C", "priority": "high", "departmentId": api.fixture.billing.id.description]))
        api.fixture.clock.advance(by: 3600)
        ids.append(try await api.openTicket(as: "other@acme.test", ["subject": "D", "priority": "medium", "channel": "phone"]))
        _ = try await api.call(.post, "/api/v1/tickets/\(ids[0])/take", as: "agent1@acme.test")
        return ids
    }

    private func subjects(_ api: TestAPI, _ query: String, as email: String = "admin@acme.test") async throws -> [String] {
        let response = try await api.call(.get, "/api/v1/tickets\(query)", as: email)
        #expect(response.status == .ok, "\(query): \(response.text)")
        return response.json["items"].array.compactMap { $0["subject"].string }
    }

    @Test func everyFilterNarrowsTheList() async throws {
        try await TestAPI.run { api in
            let ids = try await seed(api)
            let f = api.fixture
            #expect(try await subjects(api, "") == ["D", "C", "B", "A"], "newest first by default")
            #expect(try await subjects(api, "?status=assigned") == ["A"])
            #expect(try await subjects(api, "?status=open,assigned&status=escalated") == ["D", "C", "B", "A"])
            #expect(try await subjects(api, "?priority=urgent,high") == ["C", "B"])
            #expect(try await subjects(api, "?category=payment") == ["B"])
            #expect(try await subjects(api, "?assignee=none") == ["D", "C", "B"])
            #expect(try await subjects(api, "?assignee=\(f.user("agent1@acme.test").id)") == ["A"])
            #expect(try await subjects(api, "?assignee=me", as: "agent1@acme.test").contains("A"))
            #expect(try await subjects(api, "?assignee=me") == [], "the admin has nothing assigned")
            #expect(try await subjects(api, "?department=\(f.billing.id)") == ["C"])
            #expect(try await subjects(api, "?tag=VIP") == ["A"])
            #expect(try await subjects(api, "?customer=\(f.user("other@acme.test").id)") == ["D", "C"])
            #expect(try await subjects(api, "?channel=email,phone") == ["D", "B"])
            #expect(try await subjects(api, "?createdFrom=2026-01-01T01:00:00Z&createdBefore=2026-01-01T03:00:00.000Z") == ["C", "B"])
            #expect(try await subjects(api, "?updatedFrom=2026-01-01T03:00:00Z") == ["D", "A"], "taking A updated it")
            #expect(try await subjects(api, "?updatedBefore=2026-01-01T01:00:00Z") == [])
            #expect(ids.count == 4)
        }
    }

    @Test func sortAndCursorWalkEveryTicketOnce() async throws {
        try await TestAPI.run { api in
            _ = try await seed(api)
            #expect(try await subjects(api, "?sort=priority") == ["A", "D", "C", "B"])
            #expect(try await subjects(api, "?sort=-priority") == ["B", "C", "D", "A"])
            #expect(try await subjects(api, "?sort=number") == ["A", "B", "C", "D"])
            var seen: [String] = []
            var cursor: String?
            repeat {
                let query = "?sort=number&limit=3" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await api.call(.get, "/api/v1/tickets\(query)", as: "admin@acme.test")
                seen += page.json["items"].array.compactMap { $0["subject"].string }
                cursor = page.json["nextCursor"].string
                #expect(page.json["nextCursor"].exists)
            } while cursor != nil
            #expect(seen == ["A", "B", "C", "D"])
        }
    }

    @Test func listsAreFilteredByRole() async throws {
        try await TestAPI.run { api in
            _ = try await seed(api)
            #expect(try await subjects(api, "", as: "customer@acme.test") == ["B", "A"])
            #expect(try await subjects(api, "", as: "other@acme.test") == ["D", "C"])
            // agent1 (Support): their own ticket and the unassigned Support/no-department queue, not Billing's.
            #expect(try await subjects(api, "", as: "agent1@acme.test") == ["D", "B", "A"])
            #expect(try await subjects(api, "", as: "billing@acme.test") == ["C"], "Billing's queue only")
            #expect(try await subjects(api, "", as: "customer@globex.test") == [])
        }
    }

    @Test func unreadableParametersAre400AndOutOfRangeLimits422() async throws {
        try await TestAPI.run { api in
            let cases: [(String, [String])] = [
                ("?status=lost", ["status"]), ("?priority=asap", ["priority"]), ("?channel=fax", ["channel"]),
                ("?assignee=someone", ["assignee"]), ("?department=sales", ["department"]), ("?customer=42", ["customer"]),
                ("?createdFrom=yesterday", ["createdFrom"]), ("?updatedBefore=2026-13-01", ["updatedBefore"]),
                ("?sort=mood", ["sort"]), ("?cursor=abc", ["cursor"]), ("?limit=ten", ["limit"]), ("?q=printer", ["q"]),
                ("?status=lost&limit=x", ["status", "limit"]),
            ]
            for (query, fields) in cases {
                let response = try await api.call(.get, "/api/v1/tickets\(query)", as: "admin@acme.test")
                #expect(response.status == .badRequest && response.problemFields == fields, "\(query): \(response.text)")
            }
            let range = try await api.call(.get, "/api/v1/tickets?limit=500", as: "admin@acme.test")
            #expect(range.status == .unprocessableContent && range.problemFields == ["limit"])
        }
    }
}
