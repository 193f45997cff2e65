import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Memory
import Testing

/// Failed notification deliveries: listed for admins of their own organization, and sent again.
@Suite struct OutboxAdminTests {
    /// Creates a ticket (which asks for a confirmation to the customer), then delivers through a notifier
    /// that refuses for good, so the delivery ends failed. Returns the failed jobs' ids.
    private func failOneDelivery(_ api: TestAPI) async throws -> [String] {
        let ticket = try await api.openTicket(["subject": "Undeliverable"])
        let refusing = MemoryNotifier()
        await refusing.failDeliveries(with: .permanent(reason: "550 5.1.1 mailbox unavailable"))
        let report = try await NotificationDelivery(api.fixture.deps, notifier: refusing).deliverDue(holder: "test-worker")
        try #require(report.failed >= 1, "delivering with a refusing notifier: \(report)")
        let list = try await api.call(.get, "/api/v1/admin/outbox/failed", as: "admin@acme.test")
        try #require(list.status == .ok, "GET failed deliveries as admin: \(list.text)")
        let items = list.json["items"].array
        #expect(items.allSatisfy { $0["ticketId"].string == ticket }, "failed deliveries are about the new ticket: \(list.text)")
        #expect(items.contains { $0["kind"].string == "ticket_created" && $0["recipient"]["email"].string == "customer@acme.test" },
                "the customer's confirmation is listed: \(list.text)")
        #expect(items.allSatisfy { $0["lastError"].string == "550 5.1.1 mailbox unavailable" && $0["attempts"].int == 1 },
                "each names the notifier's reason and its attempts: \(list.text)")
        return items.compactMap { $0["id"].string }
    }

    @Test func adminsSeeFailedDeliveriesOfTheirOrganizationAndRetryThem() async throws {
        try await TestAPI.run { api in
            let ids = try await failOneDelivery(api)
            let id = try #require(ids.first)

            let elsewhere = try await api.call(.get, "/api/v1/admin/outbox/failed", as: "admin@globex.test")
            #expect(elsewhere.status == .ok && elsewhere.json["items"].array.isEmpty, "another organization's admin sees none: \(elsewhere.text)")
            let foreign = try await api.call(.post, "/api/v1/admin/outbox/\(id)/retry", as: "admin@globex.test")
            #expect(foreign.status == .notFound && foreign.isProblem, "another organization's admin retries: \(foreign.status)")

            let retried = try await api.call(.post, "/api/v1/admin/outbox/\(id)/retry", as: "admin@acme.test")
            #expect(retried.status == .noContent, "retry as admin: \(retried.text)")
            let after = try await api.call(.get, "/api/v1/admin/outbox/failed", as: "admin@acme.test")
            #expect(!after.json["items"].array.contains { $0["id"].string == id }, "a retried delivery is no longer listed as failed")
            let again = try await api.call(.post, "/api/v1/admin/outbox/\(id)/retry", as: "admin@acme.test")
            #expect(again.status == .conflict && again.isProblem, "retrying a delivery that is queued again: \(again.status)")

            // Delivered now, with the notification's own id (what SMTP turns into the Message-ID).
            let working = MemoryNotifier()
            let report = try await NotificationDelivery(api.fixture.deps, notifier: working).deliverDue(holder: "test-worker")
            #expect(report.delivered == 1, "the retried delivery goes out: \(report)")
            #expect(await working.deliveries.map(\.recipient.email.value) == ["customer@acme.test"], "delivered to the customer")
        }
    }

    @Test func onlyAdminsMayListOrRetry() async throws {
        try await TestAPI.run { api in
            let id = try #require(try await failOneDelivery(api).first)
            for email in ["lead@acme.test", "agent1@acme.test", "customer@acme.test"] {
                let list = try await api.call(.get, "/api/v1/admin/outbox/failed", as: email)
                #expect(list.status == .forbidden && list.isProblem, "GET failed deliveries as \(email): \(list.status)")
                let retry = try await api.call(.post, "/api/v1/admin/outbox/\(id)/retry", as: email)
                #expect(retry.status == .forbidden && retry.isProblem, "retry as \(email): \(retry.status)")
            }
            #expect(try await api.call(.get, "/api/v1/admin/outbox/failed").status == .unauthorized, "without a token")
        }
    }

    @Test func retryingAnUnknownOrMalformedIdIsAProblem() async throws {
        try await TestAPI.run { api in
            let unknown = try await api.call(.post, "/api/v1/admin/outbox/\(UUID().uuidString)/retry", as: "admin@acme.test")
            #expect(unknown.status == .notFound && unknown.isProblem, "unknown job id: \(unknown.status)")
            let malformed = try await api.call(.post, "/api/v1/admin/outbox/not-an-id/retry", as: "admin@acme.test")
            #expect(malformed.status == .badRequest && malformed.isProblem, "malformed job id: \(malformed.status)")
        }
    }
}
