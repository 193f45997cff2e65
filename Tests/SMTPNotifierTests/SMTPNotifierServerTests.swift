import Domain
import Foundation
import SMTPNotifier
import TestSupport
import Testing

/// What the contract does not say: the connection modes, AUTH, and how each refusal is classified,
/// against the real test server.
@Suite(.enabled(if: SMTPTestServer.shouldRun, SMTPTestServer.missingMessage))
struct SMTPNotifierServerTests {
    static func notification(to address: String = "someone@example.com", id: UInt64 = 1) -> Domain.Notification {
        MailMessageTests.notification(id: id).addressed(to: EmailAddress(address)!)
    }

    @Test(arguments: [SMTPNotifier.Configuration.Security.none, .startTLS, .tls])
    func `delivers over each connection mode with AUTH`(security: SMTPNotifier.Configuration.Security) async throws {
        let server = try SMTPTestServer.required()
        let sender = SMTPTestServer.uniqueSender("mode")
        let notifier = SMTPNotifier(server.configuration(sender: sender, security: security))
        let sent = Self.notification()
        try await notifier.deliver(sent)
        let received = try server.received(from: sender).map { try ReceivedMail($0).notification() }
        #expect(received.map(\.id) == [sent.id], "deliver over \(security): received \(received.map(\.id))")
        try await notifier.checkConnection()
    }

    @Test func `STARTTLS against a certificate the client does not trust fails, temporarily`() async throws {
        let server = try SMTPTestServer.required()
        var configuration = server.configuration(sender: SMTPTestServer.uniqueSender("untrusted"), security: .startTLS)
        configuration.caFile = nil  // the test certificate is self-signed
        await expectFailure(.temporary, "deliver with STARTTLS to an untrusted certificate") {
            try await SMTPNotifier(configuration).deliver(Self.notification())
        }
    }

    @Test func `a wrong password is a permanent failure, also for the connection check`() async throws {
        let server = try SMTPTestServer.required()
        let sender = SMTPTestServer.uniqueSender("password")
        let notifier = SMTPNotifier(server.configuration(sender: sender, password: "wrong"))
        await expectFailure(.permanent, "deliver with a wrong password") { try await notifier.deliver(Self.notification()) }
        await expectFailure(.permanent, "checkConnection with a wrong password") { try await notifier.checkConnection() }
        #expect(try server.received(from: sender).isEmpty, "a message arrived despite the wrong password")
    }

    @Test func `a refused connection is a temporary failure`() async throws {
        let server = try SMTPTestServer.required()
        var configuration = server.configuration(sender: SMTPTestServer.uniqueSender("down"))
        configuration.port = try Self.closedPort()
        await expectFailure(.temporary, "deliver to a closed port") { try await SMTPNotifier(configuration).deliver(Self.notification()) }
        await expectFailure(.temporary, "checkConnection to a closed port") { try await SMTPNotifier(configuration).checkConnection() }
    }

    @Test func `4xx replies are temporary and 5xx replies permanent`() async throws {
        let server = try SMTPTestServer.required()
        let sender = SMTPTestServer.uniqueSender("replies")
        let notifier = SMTPNotifier(server.configuration(sender: sender))
        await expectFailure(.permanent, "RCPT answered 550") { try await notifier.deliver(Self.notification(to: "reject-permanent-1@example.com")) }
        await expectFailure(.temporary, "RCPT answered 451") { try await notifier.deliver(Self.notification(to: "reject-temporary-1@example.com")) }
        try server.breakSender(sender)
        await expectFailure(.temporary, "MAIL FROM answered 451") { try await notifier.deliver(Self.notification()) }
    }

    @Test func `notifications about one ticket thread together in the mailbox`() async throws {
        let server = try SMTPTestServer.required()
        let sender = SMTPTestServer.uniqueSender("thread")
        let notifier = SMTPNotifier(server.configuration(sender: sender))
        for id in 1...3 { try await notifier.deliver(Self.notification(id: UInt64(id))) }
        let mails = try server.received(from: sender).map(ReceivedMail.init)
        #expect(mails.count == 3, "three updates of one ticket: \(mails.count) received")
        #expect(Set(mails.compactMap { $0.raw("Message-ID") }).count == 3, "Message-IDs of three updates")
        #expect(Set(mails.compactMap { $0.raw("References") }).count == 1, "References of three updates of one ticket")
        #expect(mails.allSatisfy { $0.raw("In-Reply-To") == $0.raw("References") }, "In-Reply-To equals References")
    }

    /// A port nothing listens on: bound, then released.
    static func closedPort() throws -> Int { try freeLocalPort() }
}

/// Expects `body` to throw the `NotifierError` case named by `failure`.
func expectFailure(
    _ failure: NotifierFailureKind, _ operation: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void
) async {
    do {
        try await body()
        Issue.record("\(operation) returned instead of throwing NotifierError.\(failure)", sourceLocation: sourceLocation)
    } catch let error as NotifierError {
        switch (failure, error) {
        case (.temporary, .temporary), (.permanent, .permanent): break
        default: Issue.record("\(operation) threw \(error), expected .\(failure)", sourceLocation: sourceLocation)
        }
    } catch {
        Issue.record("\(operation) threw \(error), not a NotifierError", sourceLocation: sourceLocation)
    }
}

enum NotifierFailureKind: String { case temporary, permanent }

extension Domain.Notification {
    func addressed(to address: EmailAddress) -> Domain.Notification {
        Domain.Notification(
            id: id, organizationID: organizationID, kind: kind, recipient: Recipient(userID: recipient.userID, name: recipient.name, email: address),
            subject: subject, textBody: textBody, htmlBody: htmlBody, ticketID: ticketID, createdAt: createdAt
        )
    }
}
