import Domain
import Foundation
import NotifierContract
import SMTPNotifier
import Testing

/// `SMTPNotifier` against the notifier contract, through a real SMTP server (scripts/test-smtp).
@Suite(.enabled(if: SMTPTestServer.shouldRun, SMTPTestServer.missingMessage))
struct SMTPNotifierContractTests {
    @Test(arguments: NotifierContract.cases)
    func contract(_ contractCase: NotifierContractCase) async throws {
        try await contractCase.run(against: SMTPNotifierSubject(server: try SMTPTestServer.required()))
    }
}

/// Fresh notifiers, each sending under a sender address of its own, so that what it delivered is the
/// server's folder for that sender, read back and parsed as a mail client would.
struct SMTPNotifierSubject: NotifierContractSubject {
    let server: SMTPTestServer

    var capabilities: Set<NotifierCapability> { [.failure, .classifiedFailure] }

    func makeNotifier() async throws -> any Notifier {
        SMTPNotifier(server.configuration(sender: SMTPTestServer.uniqueSender()))
    }

    func delivered(by notifier: any Notifier) async throws -> [Domain.Notification] {
        try server.received(from: smtp(notifier).configuration.sender).map { try ReceivedMail($0).notification() }
    }

    /// The server refuses this sender from now on, as a relay in trouble does (451).
    func simulateFailure(of notifier: any Notifier) async throws {
        try server.breakSender(try smtp(notifier).configuration.sender)
    }

    func recipient(failing failure: NotifierFailure) -> EmailAddress? {
        switch failure {
        case .temporary: EmailAddress("reject-temporary@example.com")
        case .permanent: EmailAddress("reject-permanent@example.com")
        }
    }

    private func smtp(_ notifier: any Notifier) throws -> SMTPNotifier {
        try #require(notifier as? SMTPNotifier, "the notifier was not made by this subject")
    }
}
