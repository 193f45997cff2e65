import Domain
import Foundation
import HTTPTypes
import Memory
import Testing

/// SLA configuration, the SLA block of ticket reads, and compliance over HTTP.
@Suite struct SLATests {
    @Test func adminsConfigureBusinessHoursAndPoliciesThatNewTicketsFollow() async throws {
        try await TestAPI.run { api in
            let f = api.fixture
            let hours = try await api.call(.put, "/api/v1/business-hours", as: "admin@acme.test", json: ["items": [[
                "name": "Office", "timeZone": "UTC",
                "weeklySlots": (1...5).map { ["weekday": $0, "startMinute": 540, "endMinute": 1020] },
                "holidays": [["date": "2026-12-25", "name": "Christmas", "openSlots": [[String: Int]]()] as [String: any Sendable]],
            ] as [String: any Sendable]]])
            #expect(hours.status == .ok, "PUT business-hours: \(hours.text)")
            let hoursID = try #require(hours.json["items"][0]["id"].string)
            #expect(hours.json["items"][0]["holidays"][0]["date"].string == "2026-12-25")

            let policies = try await api.call(.put, "/api/v1/sla-policies", as: "admin@acme.test", json: ["items": [[
                "name": "Billing office hours", "businessHoursId": hoursID,
                "conditions": ["departmentIds": [f.billing.id.description]],
                "escalation": ["toDepartmentId": f.billing.id.description],
            ] as [String: any Sendable]]])
            #expect(policies.status == .ok, "PUT sla-policies: \(policies.text)")
            let policyID = try #require(policies.json["items"][0]["id"].string)
            #expect(policies.json["items"][0]["targets"]["urgent"]["firstResponseSeconds"].int == 900, "omitted targets are the §6 defaults")

            let listed = try await api.call(.get, "/api/v1/sla-policies", as: "agent1@acme.test")
            #expect(listed.status == .ok && listed.json["items"].array.count == 1)
            #expect(try await api.call(.get, "/api/v1/business-hours", as: "customer@acme.test").status == .forbidden)
            #expect(try await api.call(.put, "/api/v1/sla-policies", as: "agent1@acme.test", json: ["items": [[String: String]]()]).status == .forbidden)
            let invalid = try await api.call(.put, "/api/v1/business-hours", as: "admin@acme.test", json: ["items": [[
                "name": "Mars", "timeZone": "Mars/Olympus", "weeklySlots": [[String: Int]](),
            ] as [String: any Sendable]]])
            #expect(invalid.status == .unprocessableContent && invalid.problemFields.contains("businessHours[0].timeZone"), "\(invalid.text)")

            // 2026-01-01 00:00 UTC is a Thursday: one working hour of first response ends at 10:00.
            let ticket = try await api.call(.post, "/api/v1/tickets", as: "admin@acme.test", json: [
                "subject": "Invoice", "description": "Wrong amount", "departmentId": f.billing.id.description,
            ])
            #expect(ticket.status == .created, "\(ticket.text)")
            #expect(ticket.json["sla"]["policyId"].string == policyID)
            #expect(ticket.json["sla"]["firstResponse"]["dueAt"].string == "2026-01-01T10:00:00.000Z")
        }
    }

    @Test func everyTicketReadCarriesLevelAndRemainingTime() async throws {
        try await TestAPI.run { api in
            let id = try await api.openTicket(["subject": "Slow", "priority": "urgent"])
            api.fixture.clock.advance(by: 10 * 60)
            let read = try await api.call(.get, "/api/v1/tickets/\(id)", as: "agent1@acme.test")
            #expect(read.json["sla"]["firstResponse"]["remainingSeconds"].int == 300)
            #expect(read.json["sla"]["firstResponse"]["level"].string == "warning", "5 of 15 minutes left is 33 %")
            api.fixture.clock.advance(by: 6 * 60)
            let list = try await api.call(.get, "/api/v1/tickets", as: "agent1@acme.test")
            let item = list.json["items"].array.first { $0["id"].string == id.description }
            #expect(item?["sla"]["firstResponse"]["level"].string == "breached")
            #expect(item?["sla"]["firstResponse"]["breachedAt"].string == "2026-01-01T00:15:00.000Z")
        }
    }

    @Test func complianceIsForSupervisorsAndAdmins() async throws {
        try await TestAPI.run { api in
            let id = try await api.openTicket(["subject": "Quick"])
            _ = try await api.call(.post, "/api/v1/tickets/\(id)/take", as: "agent1@acme.test")
            _ = try await api.call(.post, "/api/v1/tickets/\(id)/messages", as: "agent1@acme.test", json: ["body": "On it"])
            let path = "/api/v1/analytics/sla?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z"
            let report = try await api.call(.get, path, as: "lead@acme.test")
            #expect(report.status == .ok, "\(report.text)")
            #expect(report.json["overall"]["tickets"].int == 1 && report.json["overall"]["firstResponse"]["met"].int == 1)
            #expect(report.json["byAgent"][0]["agentId"].string == api.fixture.user("agent1@acme.test").id.description)
            #expect(try await api.call(.get, path, as: "agent1@acme.test").status == .forbidden)
            let bad = try await api.call(.get, "/api/v1/analytics/sla?from=yesterday", as: "admin@acme.test")
            #expect(bad.status == .badRequest && Set(bad.problemFields) == ["from", "to"], "\(bad.text)")
        }
    }
}
