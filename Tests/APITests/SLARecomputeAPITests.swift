import Bootstrap
import Domain
import Foundation
import HTTPTypes
import Memory
import Testing

/// Changing the SLA policies recomputes open tickets' stored SLA records (issue 8): the PUT commits the policies with
/// a recompute job; the worker's service runs it.
@Suite struct SLARecomputeAPITests {
    private static func targets(urgentFirstResponseSeconds: Int) -> [String: any Sendable] {
        func target(_ first: Int, _ resolution: Int) -> [String: Int] { ["firstResponseSeconds": first, "resolutionSeconds": resolution] }
        return [
            "low": target(7_200, 86_400), "medium": target(3_600, 28_800), "high": target(1_800, 14_400),
            "urgent": target(urgentFirstResponseSeconds, 7_200),
        ]
    }

    @Test func aShortenedPolicyShowsTheNewDueTimeAndTheSweepReportsOnIt() async throws {
        try await TestAPI.run { api in
            let f = api.fixture
            let id = try await api.openTicket(["subject": "Down", "priority": "urgent"])
            let before = try await api.call(.get, "/api/v1/tickets/\(id)", as: "agent1@acme.test")
            #expect(before.json["sla"]["firstResponse"]["dueAt"].string == "2026-01-01T00:15:00.000Z", "the §6 default: \(before.text)")
            f.clock.advance(by: 60)

            let put = try await api.call(.put, "/api/v1/sla-policies", as: "admin@acme.test", json: ["items": [[
                "name": "Fast", "targets": Self.targets(urgentFirstResponseSeconds: 300),
            ] as [String: any Sendable]]])
            #expect(put.status == .ok, "PUT sla-policies: \(put.text)")
            let policyID = try #require(put.json["items"][0]["id"].string)

            let after = try await api.call(.get, "/api/v1/tickets/\(id)", as: "agent1@acme.test")
            #expect(after.json["sla"]["policyId"].string == policyID, "\(after.text)")
            #expect(after.json["sla"]["firstResponse"]["dueAt"].string == "2026-01-01T00:05:00.000Z", "the new due time: \(after.text)")
            #expect(after.json["sla"]["firstResponse"]["remainingSeconds"].int == 240)

            // The PUT only enqueued the recompute; the worker's service (embedded mode runs it in the API) runs it.
            let ticketID = try #require(TicketID(id))
            #expect(try await f.storage.ticketSLA(ticket: ticketID, in: f.acme.id)?.policyID == nil, "the request did not walk the tickets")
            let pending = try await f.storage.jobs(kind: SLARecomputeUseCases.jobKind, state: .pending, limit: 10)
            #expect(pending.map(\.organizationID) == [f.acme.id], "one recompute job for the organization: \(pending)")
            let ran = await SLARecomputeService(runtime: f.runtime).runPass()
            #expect(ran.finished == 1 && ran.updated >= 1, "\(ran)")
            #expect(try await f.storage.jobs(kind: SLARecomputeUseCases.jobKind, state: .pending, limit: 10).isEmpty, "the job ran to completion")

            // The stored record (the sweep's index) moved with it: the breach is reported at 5 minutes, not 15.
            let record = try #require(try await f.storage.ticketSLA(ticket: ticketID, in: f.acme.id))
            #expect(record.policyID?.description == policyID && record.firstResponseDueAt == Date(timeIntervalSince1970: 1_767_225_600 + 300))
            f.clock.advance(by: 5 * 60)
            let sweep = try await SLASweepUseCases(f.runtime.dependencies).sweep()
            #expect(sweep.reported[ticketID]?.map(\.kind) == [.warning, .breached], "\(sweep)")
            let history = try await api.call(.get, "/api/v1/tickets/\(id)/history", as: "admin@acme.test")
            #expect(history.json["items"].array.contains { $0["kind"].string == "sla_breached" }, "\(history.text)")
            let read = try await api.call(.get, "/api/v1/tickets", as: "agent1@acme.test")
            let item = read.json["items"].array.first { $0["id"].string == id }
            #expect(item?["sla"]["firstResponse"]["level"].string == "breached", "the list page shows it too")
        }
    }

    @Test func aStoppedClockKeepsItsVerdictWhenThePolicyIsShortenedLater() async throws {
        try await TestAPI.run { api in
            let f = api.fixture
            let first = try await api.call(.put, "/api/v1/sla-policies", as: "admin@acme.test", json: ["items": [[
                "name": "Standard", "targets": Self.targets(urgentFirstResponseSeconds: 900),
            ] as [String: any Sendable]]])
            let policyID = try #require(first.json["items"][0]["id"].string)
            let id = try await api.openTicket(["subject": "Down", "priority": "urgent"])
            _ = try await api.call(.post, "/api/v1/tickets/\(id)/take", as: "agent1@acme.test")
            f.clock.advance(by: 10 * 60) // answered in 10 of 15 minutes
            _ = try await api.call(.post, "/api/v1/tickets/\(id)/messages", as: "agent1@acme.test", json: ["body": "On it"])
            let resolved = try await api.call(.post, "/api/v1/tickets/\(id)/resolve", as: "agent1@acme.test", json: ["resolutionType": "solved", "summary": "fixed"])
            #expect(resolved.status == .ok, "resolve: \(resolved.text)")

            // The same policy, now with a 5-minute first response: the answer given after 10 minutes stays met.
            let put = try await api.call(.put, "/api/v1/sla-policies", as: "admin@acme.test", json: ["items": [[
                "id": policyID, "name": "Standard", "targets": Self.targets(urgentFirstResponseSeconds: 300),
            ] as [String: any Sendable]]])
            #expect(put.status == .ok, "PUT sla-policies: \(put.text)")
            _ = await SLARecomputeService(runtime: f.runtime).runPass()
            let ticket = try await api.call(.get, "/api/v1/tickets/\(id)", as: "agent1@acme.test")
            #expect(ticket.json["sla"]["firstResponse"]["level"].string == "met", "\(ticket.text)")
            #expect(ticket.json["sla"]["firstResponse"]["dueAt"].string == "2026-01-01T00:15:00.000Z", "the due time that applied: \(ticket.text)")
            let report = try await api.call(.get, "/api/v1/analytics/sla?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z", as: "admin@acme.test")
            #expect(report.json["overall"]["firstResponse"]["met"].int == 1 && report.json["overall"]["firstResponse"]["breached"].int == 0, "\(report.text)")
        }
    }
}
