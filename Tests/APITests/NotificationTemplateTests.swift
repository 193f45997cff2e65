import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Memory
import Testing

/// Notification templates per organization: admins read, replace and reset them; deliveries use them,
/// with placeholder values HTML-escaped in the HTML body.
@Suite struct NotificationTemplateTests {
    @Test func everyEventHasADefaultTemplateUntilAnAdminWritesOne() async throws {
        try await TestAPI.run { api in
            let list = try await api.call(.get, "/api/v1/notification-templates", as: "admin@acme.test")
            #expect(list.status == .ok, "list templates: \(list.text)")
            #expect(list.json["items"].array.compactMap { $0["event"].string } == Domain.Notification.Kind.allCases.map(\.rawValue),
                    "one template per event, in order: \(list.text)")
            #expect(list.json["items"].array.allSatisfy { $0["custom"].bool == false }, "all defaults before any change")
            let one = try await api.call(.get, "/api/v1/notification-templates/ticket_created", as: "admin@acme.test")
            #expect(one.status == .ok && one.json["subject"].string == DefaultTemplates.template(for: .ticketCreated).subject, "the default ticket_created template")
            let unknown = try await api.call(.get, "/api/v1/notification-templates/pigeon_sent", as: "admin@acme.test")
            #expect(unknown.status == .notFound && unknown.isProblem, "an unknown event: \(unknown.status)")
        }
    }

    @Test func aCustomTemplateIsUsedForDeliveriesWithValuesEscapedInHTML() async throws {
        try await TestAPI.run { api in
            let put = try await api.call(.put, "/api/v1/notification-templates/ticket_created", as: "admin@acme.test", json: [
                "subject": "Acme got {{ticket.number}}: {{ticket.subject}}",
                "text": "Dear {{recipient.name}}, we have \"{{ticket.subject}}\".",
                "html": "<p>Dear {{recipient.name}}, we have <em>{{ticket.subject}}</em>.</p>",
            ])
            #expect(put.status == .ok && put.json["custom"].bool == true, "PUT ticket_created: \(put.text)")
            let elsewhere = try await api.call(.get, "/api/v1/notification-templates/ticket_created", as: "admin@globex.test")
            #expect(elsewhere.json["custom"].bool == false, "another organization still uses the default")

            _ = try await api.openTicket(["subject": "<script>alert(1)</script> & more"])
            let notifier = MemoryNotifier()
            _ = try await NotificationDelivery(api.fixture.deps, notifier: notifier).deliverDue(holder: "test-worker")
            let deliveries = await notifier.deliveries
            let delivered = try #require(deliveries.first(where: { $0.kind == .ticketCreated }), "the confirmation was delivered")
            #expect(delivered.subject.hasPrefix("Acme got TKT-") && delivered.subject.hasSuffix(": <script>alert(1)</script> & more"),
                    "subject from the custom template, values as they are: \(delivered.subject)")
            #expect(delivered.textBody == "Dear Customer, we have \"<script>alert(1)</script> & more\".", "text: \(delivered.textBody)")
            #expect(delivered.htmlBody == "<p>Dear Customer, we have <em>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</em>.</p>",
                    "HTML with the values escaped: \(delivered.htmlBody ?? "none")")

            let reset = try await api.call(.delete, "/api/v1/notification-templates/ticket_created", as: "admin@acme.test")
            #expect(reset.status == .ok && reset.json["custom"].bool == false, "DELETE goes back to the default: \(reset.text)")
            let after = try await api.call(.get, "/api/v1/notification-templates/ticket_created", as: "admin@acme.test")
            #expect(after.json["subject"].string == DefaultTemplates.template(for: .ticketCreated).subject, "the default again")
        }
    }

    @Test func templatesAreValidatedAndAdminOnly() async throws {
        try await TestAPI.run { api in
            let empty = try await api.call(.put, "/api/v1/notification-templates/escalated", as: "admin@acme.test", json: ["subject": "Two\nlines"])
            #expect(empty.status == .unprocessableContent && Set(empty.problemFields) == ["subject", "text", "html"],
                    "a two-line subject and missing bodies: \(empty.text)")
            for email in ["lead@acme.test", "agent1@acme.test", "customer@acme.test"] {
                #expect(try await api.call(.get, "/api/v1/notification-templates", as: email).status == .forbidden, "list as \(email)")
                let put = try await api.call(.put, "/api/v1/notification-templates/escalated", as: email, json: ["subject": "s", "text": "t", "html": "h"])
                #expect(put.status == .forbidden && put.isProblem, "PUT as \(email): \(put.status)")
                #expect(try await api.call(.delete, "/api/v1/notification-templates/escalated", as: email).status == .forbidden, "DELETE as \(email)")
            }
        }
    }
}
