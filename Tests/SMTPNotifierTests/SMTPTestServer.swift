import Domain
import Foundation
import SMTPNotifier
import Testing

/// The SMTP server the suites run against, from what `scripts/test-smtp` exports:
/// `SWITCHBOARD_TEST_SMTP_URL=smtp://USER:PASSWORD@127.0.0.1:PORT?tls=none&from=…`, the implicit-TLS
/// port, the certificate to trust and the mailbox folder where every accepted message becomes a file
/// (`MAILBOX/<envelope sender>/<sequence>.eml`).
struct SMTPTestServer: Sendable {
    let host: String
    let port: Int
    let tlsPort: Int
    let user: String
    let password: String
    let caFile: String
    let mailbox: URL

    static let missingMessage: Comment =
        "SWITCHBOARD_TEST_SMTP_URL is not set: run the suite through scripts/test, which starts an SMTP server (scripts/test-smtp)"

    /// Whether server-backed tests run: with a server, and also without one under CI=true, where the
    /// missing server must fail the run instead of skipping it.
    static var shouldRun: Bool {
        let environment = ProcessInfo.processInfo.environment
        return environment["SWITCHBOARD_TEST_SMTP_URL"] != nil || environment["CI"] == "true"
    }

    /// The configured server; records a failure (which is what CI needs) when there is none.
    static func required(sourceLocation: SourceLocation = #_sourceLocation) throws -> SMTPTestServer {
        let environment = ProcessInfo.processInfo.environment
        let text = try #require(environment["SWITCHBOARD_TEST_SMTP_URL"], missingMessage, sourceLocation: sourceLocation)
        let url = try #require(URLComponents(string: text), "SWITCHBOARD_TEST_SMTP_URL=\(text) is not a URL", sourceLocation: sourceLocation)
        func variable(_ name: String) throws -> String {
            try #require(environment[name], "\(name) is not set (scripts/test-smtp exports it)", sourceLocation: sourceLocation)
        }
        return SMTPTestServer(
            host: try #require(url.host, "no host in \(text)", sourceLocation: sourceLocation),
            port: try #require(url.port, "no port in \(text)", sourceLocation: sourceLocation),
            tlsPort: try #require(Int(try variable("SWITCHBOARD_TEST_SMTP_TLS_PORT")), sourceLocation: sourceLocation),
            user: url.user ?? "", password: url.password ?? "",
            caFile: try variable("SWITCHBOARD_TEST_SMTP_CA_FILE"),
            mailbox: URL(fileURLWithPath: try variable("SWITCHBOARD_TEST_SMTP_MAILBOX"), isDirectory: true)
        )
    }

    /// A new sender address no other test uses: what it sends lands in a folder of its own.
    static func uniqueSender(_ prefix: String = "case") -> EmailAddress {
        EmailAddress("\(prefix)-\(UUID().uuidString.lowercased())@switchboard.test")!
    }

    /// A configuration for this server (plain port, AUTH) sending as `sender`.
    func configuration(
        sender: EmailAddress, security: SMTPNotifier.Configuration.Security = .none, password: String? = nil
    ) -> SMTPNotifier.Configuration {
        var configuration = SMTPNotifier.Configuration(
            host: host, port: security == .tls ? tlsPort : port, security: security, user: user, password: password ?? self.password,
            sender: sender
        )
        configuration.caFile = caFile
        configuration.connectTimeout = .seconds(5)
        configuration.timeout = .seconds(30)
        return configuration
    }

    func folder(of sender: EmailAddress) -> URL { mailbox.appendingPathComponent(sender.value, isDirectory: true) }

    /// Every message received from `sender`, in the order the server accepted them.
    func received(from sender: EmailAddress) throws -> [Data] {
        let folder = folder(of: sender)
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".eml") }.sorted()
        return try names.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
    }

    /// From now on the server answers 451 to MAIL FROM `sender` (see scripts/smtp-test-server.py).
    func breakSender(_ sender: EmailAddress) throws {
        let folder = folder(of: sender)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data().write(to: folder.appendingPathComponent(".broken"))
    }
}
