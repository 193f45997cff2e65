@testable import Bootstrap
import Domain
import Foundation
import SMTPNotifier
import Testing

/// How `SWITCHBOARD_NOTIFIER_URL` becomes a notifier, and how `config check` proves an SMTP relay usable.
@Suite("Notifier composition")
struct NotifierRuntimeTests {
    private func smtp(_ url: String) throws -> NotifierSettings {
        try NotifierSettings.parse(url)
    }

    @Test func smtpSettingsBecomeAnSMTPNotifier() throws {
        let settings = try smtp("smtp://mailer:s3cret@mail.example.com:2525?tls=tls&from=support@example.com")
        let notifier = try #require(try Runtime.openNotifier(settings) as? SMTPNotifier, "SWITCHBOARD_NOTIFIER_URL=smtp://… opens an SMTPNotifier")
        let configuration = notifier.configuration
        #expect(configuration.host == "mail.example.com" && configuration.port == 2525 && configuration.security == .tls, "server and TLS mode")
        #expect(configuration.user == "mailer" && configuration.password == "s3cret", "credentials")
        #expect(configuration.sender.value == "support@example.com" && configuration.domain == "example.com", "sender and message-id domain")
        let plain = try #require(try Runtime.openNotifier(try smtp("smtp://h.example?tls=none&from=a@example.com")) as? SMTPNotifier)
        #expect(plain.configuration.security == .none && plain.configuration.user == nil && plain.configuration.port == 25, "plain, no AUTH")
    }

    @Test func checkNotifierReportsAnUnreachableRelay() async throws {
        // Port 9 (discard) is privileged and served by nothing on these machines: connecting is refused.
        let settings = try smtp("smtp://127.0.0.1:9?tls=none&from=support@example.com")
        do {
            let line = try await Runtime.checkNotifier(settings)
            Issue.record("config check of an unreachable SMTP relay succeeded: \(line)")
        } catch {
            #expect(error.key == .notifierURL, "the failure names SWITCHBOARD_NOTIFIER_URL: \(error)")
            #expect(error.message.contains("127.0.0.1:9"), "the failure names the server: \(error)")
        }
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["SWITCHBOARD_TEST_SMTP_URL"] != nil, "needs scripts/test-smtp"))
    func checkNotifierAcceptsTheTestRelayAndRefusesAWrongPassword() async throws {
        let url = try #require(ProcessInfo.processInfo.environment["SWITCHBOARD_TEST_SMTP_URL"])
        let line = try await Runtime.checkNotifier(try smtp(url))
        #expect(line.contains("answers"), "config check of the test relay: \(line)")
        var wrong = try #require(URLComponents(string: url))
        wrong.password = "wrong"
        let wrongSettings = try smtp(try #require(wrong.string))
        do {
            let line = try await Runtime.checkNotifier(wrongSettings)
            Issue.record("config check with a wrong SMTP password succeeded: \(line)")
        } catch {
            #expect(error.key == .notifierURL && !error.message.contains("wrong"), "the failure names the setting, never the password: \(error)")
        }
    }

    @Test func checkNotifierOfStdoutNeedsNothing() async throws {
        #expect(try await Runtime.checkNotifier(.stdout).contains("stdout"), "config check of stdout:")
    }
}
