import Domain
import Foundation
import Memory
import Testing

/// The outbox: notifications are enqueued with their change, delivered by the worker's job with backoff,
/// kept when they fail for good, and rendered safely.
struct NotificationTests {
    func outbox(_ w: World) async throws -> [NotificationRequest] {
        // Claiming far in the future sees every pending job; the lease is released by a fresh store each test.
        try await w.storage.claimJobs(kind: Outbox.jobKind, holder: "inspect", now: .distantFuture, leaseSeconds: 1, limit: 1000)
            .map { try Outbox.request(in: $0) }
    }

    @Test func changesEnqueueTheRightNotificationsAndInternalNotesNone() async throws {
        let w = try await World.make()
        let t = try await w.openTicket()
        _ = try await w.tickets.take(t.id, actor: w.agent1)
        _ = try await w.messages.post(t.id, body: "checking with the team", internal: true, actor: w.agent1)
        _ = try await w.messages.post(t.id, body: "Please restart it", internal: false, actor: w.agent1)
        _ = try await w.messages.post(t.id, body: "Still broken", internal: false, actor: w.customer)
        _ = try await w.tickets.resolve(t.id, kind: .solved, summary: "Firmware update", notes: nil, actor: w.agent1)
        let requests = try await outbox(w)
        let summary = requests.map { "\($0.kind.rawValue)->\($0.recipient.email.value)" }
        #expect(summary == [
            "ticket_created->c1@acme.test",
            "reply_added->c1@acme.test",
            "reply_added->a1@acme.test",
            "satisfaction_survey->c1@acme.test",
        ], "no mail for the agent's own take, none for the internal note")
        #expect(!requests.contains { $0.values.values.contains("checking with the team") })
    }

    @Test func aRefusedChangeEnqueuesNothing() async throws {
        let w = try await World.make()
        _ = try? await w.tickets.create(NewTicket(subject: "", description: "x"), actor: w.customer)
        #expect(try await outbox(w).isEmpty)
    }

    @Test func deliveryRendersRetriesWithBackoffAndKeepsPermanentFailures() async throws {
        let w = try await World.make()
        let notifier = MemoryNotifier()
        let delivery = NotificationDelivery(w.deps, notifier: notifier, retry: .init(maximumAttempts: 3, baseDelaySeconds: 10, maximumDelaySeconds: 60))
        let t = try await w.openTicket("Printer <b>on fire</b>")

        await notifier.failDeliveries(with: .temporary(reason: "smtp down"))
        #expect(try await delivery.deliverDue(holder: "w1") == .init(delivered: 0, retried: 1, failed: 0))
        #expect(try await delivery.deliverDue(holder: "w1").claimed == 0, "not due again before its backoff")
        w.clock.advance(by: 13)
        #expect(try await delivery.deliverDue(holder: "w1").retried == 1, "due after 10 s plus at most 25 % jitter")
        w.clock.advance(by: 26)
        #expect(try await delivery.deliverDue(holder: "w1").failed == 1, "the third attempt is the last")
        let failed = try await OutboxUseCases(w.deps).failed()
        #expect(failed.count == 1 && failed[0].0.lastError == "smtp down" && failed[0].0.attempts == 3)

        await notifier.failDeliveries(with: nil)
        try await OutboxUseCases(w.deps).retry(failed[0].0.id)
        #expect(try await delivery.deliverDue(holder: "w2").delivered == 1)
        let sent = await notifier.deliveries
        #expect(sent.count == 1)
        #expect(sent[0].subject == "[TKT-000001] We received your request: Printer <b>on fire</b>")
        #expect(sent[0].htmlBody?.contains("Printer &lt;b&gt;on fire&lt;/b&gt;") == true, "placeholders are HTML-escaped")
        #expect(sent[0].recipient.email.value == "c1@acme.test" && sent[0].ticketID == t.id)
        #expect(try await OutboxUseCases(w.deps).failed().isEmpty)
    }

    @Test func aCrashedWorkersJobIsDeliveredByAnotherWithTheSameID() async throws {
        let w = try await World.make()
        let notifier = MemoryNotifier()
        _ = try await w.openTicket()
        // Worker A claims and dies without completing.
        let claimed = try await w.storage.claimJobs(kind: Outbox.jobKind, holder: "A", now: w.clock.now(), leaseSeconds: 60, limit: 10)
        #expect(claimed.count == 1)
        let delivery = NotificationDelivery(w.deps, notifier: notifier, leaseSeconds: 60)
        #expect(try await delivery.deliverDue(holder: "B").claimed == 0, "the lease protects the job while A may live")
        w.clock.advance(by: 61)
        #expect(try await delivery.deliverDue(holder: "B").delivered == 1)
        #expect(await notifier.deliveries.map(\.id) == [try Outbox.request(in: claimed[0]).id])
    }

    @Test func templatesFillPlaceholdersAndNeverBreakTheSubjectLine() {
        let template = NotificationTemplate(subject: "Re: {{ticket.subject}}", text: "Hi {{name}}, {{unknown}}!", html: "<p>{{name}}</p>")
        let rendered = template.render(["ticket.subject": "line1\nBcc: evil@example.com", "name": "<Ann & Bob>"])
        #expect(rendered.subject == "Re: line1 Bcc: evil@example.com")
        #expect(rendered.text == "Hi <Ann & Bob>, !")
        #expect(rendered.html == "<p>&lt;Ann &amp; Bob&gt;</p>")
    }
}
