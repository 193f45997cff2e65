import Bootstrap
import Domain
import Testing

@Suite("SWITCHBOARD_NOTIFIER_URL")
struct NotifierSettingsTests {
    private let sender = EmailAddress("support@example.com")!

    @Test func stdout() throws {
        #expect(try settings(["SWITCHBOARD_NOTIFIER_URL": "stdout:"]).notifier == .stdout)
        #expect(try settings(["SWITCHBOARD_NOTIFIER_URL": "STDOUT:"]).notifier == .stdout)
    }

    @Test func smtpFullForm() throws {
        let result = try settings(["SWITCHBOARD_NOTIFIER_URL": "smtp://mailer:pa%26ss@smtp.example.com:2525?tls=tls&from=Support@Example.com"])
        let credentials = SMTPSettings.Credentials(user: "mailer", password: Secret("pa&ss"))
        #expect(result.notifier == .smtp(SMTPSettings(host: "smtp.example.com", port: 2525, security: .tls, credentials: credentials, sender: sender)))
    }

    @Test(arguments: [
        ("smtp://h?from=support@example.com", SMTPSettings.Security.startTLS, 587),
        ("smtp://h?tls=starttls&from=support@example.com", .startTLS, 587),
        ("smtp://h?tls=STARTTLS&from=support@example.com", .startTLS, 587),
        ("smtp://h?tls=tls&from=support@example.com", .tls, 465),
        ("smtp://h?tls=none&from=support@example.com", .none, 25),
        ("smtp://h:1025?tls=none&from=support@example.com", .none, 1025),
    ])
    func smtpSecurityAndDefaultPorts(url: String, security: SMTPSettings.Security, port: Int) throws {
        let expected = SMTPSettings(host: "h", port: port, security: security, credentials: nil, sender: sender)
        #expect(try settings(["SWITCHBOARD_NOTIFIER_URL": url]).notifier == .smtp(expected), "\(url)")
    }

    @Test(arguments: [
        Rejection("sendmail:", "unsupported scheme \"sendmail\" (expected stdout: or smtp://)"),
        Rejection("stdout", "not a URL (expected stdout: or smtp://user:password@host:port?tls=starttls&from=sender@example.com)"),
        Rejection("stdout://", "stdout takes nothing after \"stdout:\""),
        Rejection("stdout:x", "stdout takes nothing after \"stdout:\""),
        Rejection("stdout:?x=1", "stdout takes nothing after \"stdout:\""),
        Rejection("smtp://?from=support@example.com", "missing the host (smtp://user:password@HOST:port?tls=starttls&from=sender@example.com)"),
        Rejection("smtp:h", "missing the host (smtp://user:password@HOST:port?tls=starttls&from=sender@example.com)"),
        Rejection("smtp://h/x?from=support@example.com", "unexpected path \"/x\" after the server"),
        Rejection("smtp://h?tls=ssl&from=support@example.com", "tls=\"ssl\" is not a TLS mode (expected starttls, tls or none)"),
        Rejection("smtp://h:smtp?from=support@example.com", "port \"smtp\" is not a port number (expected 1–65535)"),
        Rejection("smtp://user@h?from=support@example.com", "user name without a password (give both, or neither)"),
        Rejection("smtp://user:@h?from=support@example.com", "user name without a password (give both, or neither)"),
        Rejection("smtp://:secret@h?from=support@example.com", "password without a user name (give both, or neither)"),
        Rejection("smtp://h", "missing the sender address (add &from=support@your-domain.example)"),
        Rejection("smtp://h?from=nobody", "from=\"nobody\" is not an email address"),
        Rejection("smtp://h?from=a@example.com&from=b@example.com", "parameter \"from\" is given twice"),
        Rejection("smtp://h?from=a@example.com&starttls=1", "unsupported parameter \"starttls\" (expected \"tls\" or \"from\")"),
    ])
    func rejected(_ rejection: Rejection) {
        #expect(problems(["SWITCHBOARD_NOTIFIER_URL": rejection.value]) == ["SWITCHBOARD_NOTIFIER_URL: \(rejection.message)"])
    }

    @Test func messagesNeverQuoteThePassword() {
        for url in ["smtp://u:hunter2@h", "smtp://u:hunter2@h:x?from=a@example.com", "smtp://u:hunter2@?from=a@example.com", "smtp://u:hunter2@h?tls=x"] {
            let lines = problems(["SWITCHBOARD_NOTIFIER_URL": url])
            #expect(!lines.isEmpty && lines.allSatisfy { !$0.contains("hunter2") }, "\(url): \(lines)")
        }
    }
}
