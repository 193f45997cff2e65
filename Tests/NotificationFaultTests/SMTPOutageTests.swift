import Domain
import Foundation
import InProcessTransport
import Memory
import SMTPNotifier
import Synchronization
import Testing

/// The SMTP relay is down while tickets are created through the use cases: the changes commit at once,
/// nothing is lost, and when the relay is back every notification arrives exactly once (by Message-ID)
/// in the first pass after the backoff.
@Suite(.enabled(if: OwnSMTPServer.shouldRun, OwnSMTPServer.missingMessage))
struct SMTPOutageTests {
    /// Counts deliver calls, to show that creating a ticket never calls the notifier.
    final class CountingNotifier: Notifier {
        let inner: any Notifier
        let calls = Atomic<Int>(0)
        init(_ inner: any Notifier) { self.inner = inner }
        func deliver(_ notification: Domain.Notification) async throws {
            calls.add(1, ordering: .sequentiallyConsistent)
            try await inner.deliver(notification)
        }
    }

    struct PlainPasswordHasher: PasswordHasher {
        func hash(_ password: String) async throws -> String { "plain:" + password }
        func verify(_ password: String, against hash: String) async throws -> Bool { hash == "plain:" + password }
    }

    @Test func `fifty tickets created while SMTP is down are each delivered once when it is back`() async throws {
        let server = try OwnSMTPServer()
        let clock = ManualClock()
        let deps = Dependencies(
            storage: MemoryStorage(), clock: clock, ids: SequentialIDGenerator(clock: clock), transport: InProcessTransport(),
            passwordHasher: PlainPasswordHasher(), secrets: MemorySecretGenerator()
        )
        let organization = try await OrganizationUseCases(deps).create(slug: "acme", name: "Acme")
        let customer = try await UserUseCases(deps).provision(
            .init(email: "customer@acme.test", name: "Casey", password: "password1", role: .customer), in: organization.id
        )
        let actor = Actor(userID: customer.id, organizationID: organization.id, role: .customer)
        var configuration = SMTPNotifier.Configuration(
            host: "127.0.0.1", port: server.port, security: .none, sender: EmailAddress("support@acme.test")!
        )
        configuration.connectTimeout = .seconds(2)
        let notifier = CountingNotifier(SMTPNotifier(configuration))

        // The relay is down (nothing listens on its port) while the tickets are created.
        let started = ContinuousClock.now
        for index in 0..<50 {
            _ = try await TicketUseCases(deps).create(NewTicket(subject: "Outage \(index)", description: "Created during the outage."), actor: actor)
        }
        let creation = ContinuousClock.now - started
        #expect(notifier.calls.load(ordering: .sequentiallyConsistent) == 0, "creating tickets called the notifier")
        let queued = try await deps.storage.jobs(kind: Outbox.jobKind, state: .pending, limit: 1_000)
        let expected = Set(try queued.map { try Outbox.request(in: $0).id })
        #expect(expected.count >= 50, "notifications in the outbox after 50 tickets: \(expected.count)")

        let policy = NotificationDelivery.RetryPolicy()
        let delivery = NotificationDelivery(deps, notifier: notifier, retry: policy)
        let down = try await delivery.deliverDue(holder: "worker-1", limit: 1_000)
        #expect(down.retried == expected.count && down.delivered == 0 && down.failed == 0, "a pass while the relay is down: \(down)")
        #expect(try await deps.storage.jobs(kind: Outbox.jobKind, state: .pending, limit: 1_000).count == expected.count,
                "every notification is still in the outbox")
        #expect(try server.messageIDs().isEmpty, "nothing arrived while the relay was down")

        try await server.start()
        let early = try await delivery.deliverDue(holder: "worker-1", limit: 1_000)
        #expect(early.claimed == 0, "nothing is due again before its backoff: \(early)")
        // The longest first backoff: the base delay plus its full 25 % jitter.
        clock.advance(by: policy.baseDelaySeconds * 1.25 + 0.001)
        let back = try await delivery.deliverDue(holder: "worker-1", limit: 1_000)
        #expect(back.delivered == expected.count && back.retried == 0 && back.failed == 0, "the first pass after the backoff: \(back)")

        let received = try server.messageIDs()
        let domain = "acme.test"
        let expectedIDs = Set(expected.map { "<notification.\($0)@\(domain)>" })
        #expect(received.count == expected.count, "messages received: \(received.count) for \(expected.count) notifications")
        #expect(Set(received) == expectedIDs, "the Message-IDs received are the notifications' ids")
        let after = try await delivery.deliverDue(holder: "worker-1", limit: 1_000)
        let finalCount = try server.messageIDs().count
        #expect(after.claimed == 0 && finalCount == expected.count, "a later pass sends nothing again: \(after)")
        // Generous: 50 ticket creations on memory storage take milliseconds; a connect attempt per ticket would not.
        #expect(creation < .seconds(10), "creating 50 tickets took \(creation)")
    }
}
