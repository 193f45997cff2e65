import Domain
import Foundation
import Testing

extension StorageContract {
    /// An organization's notification templates live in its settings; setting one changes only that one.
    static let notificationTemplateCases: [StorageContractCase] = [
        StorageContractCase("notification templates: set, replace and remove one kind, other settings and organizations untouched") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first.organization, b = fixture.second.organization
            let created = NotificationTemplate(subject: "[{{ticket.number}}] Thanks, {{customer.name}}", text: "Grüße\nLine two", html: "<p>Grüße</p>")
            let assigned = NotificationTemplate(subject: "Yours: {{ticket.subject}}", text: "Take it.", html: "<b>Take it.</b>")
            _ = try await storage.commit(UnitOfWork([
                .setNotificationTemplate(a.id, kind: .ticketCreated, template: created),
                .setNotificationTemplate(a.id, kind: .ticketAssigned, template: assigned),
            ]))
            let afterSet = try #require(try await storage.organization(id: a.id), "organization(id:) after setting templates")
            #expect(afterSet.settings.notificationTemplate(for: .ticketCreated) == created, "the ticket_created template reads back as set")
            #expect(afterSet.settings.notificationTemplate(for: .ticketAssigned) == assigned, "the ticket_assigned template reads back as set")
            #expect(afterSet.settings.notificationTemplate(for: .escalated) == nil, "a kind never set has no template")
            var expectedSettings = a.settings
            expectedSettings.notificationTemplates = nil
            var readSettings = afterSet.settings
            readSettings.notificationTemplates = nil
            #expect(readSettings == expectedSettings && afterSet.name == a.name && afterSet.slug == a.slug,
                    "setting templates leaves the other settings and fields as they were")
            #expect(try await storage.organization(id: b.id) == b, "the other organization is untouched")

            let replaced = NotificationTemplate(subject: "New words", text: "New text", html: "<p>New</p>")
            _ = try await storage.commit(UnitOfWork([
                .setNotificationTemplate(a.id, kind: .ticketCreated, template: replaced),
                .setNotificationTemplate(a.id, kind: .ticketAssigned, template: nil),
            ]))
            let afterChange = try #require(try await storage.organization(id: a.id))
            #expect(afterChange.settings.notificationTemplate(for: .ticketCreated) == replaced, "a replaced template reads back replaced")
            #expect(afterChange.settings.notificationTemplate(for: .ticketAssigned) == nil, "a removed template is gone")

            let nowhere: OrganizationID = FixtureID.make(7_000, 0)
            await expectStorageError(.missing, "commit(setNotificationTemplate(unknown organization))") {
                try await storage.commit(UnitOfWork([.setNotificationTemplate(nowhere, kind: .escalated, template: replaced)]))
            }
        },
    ]
}
