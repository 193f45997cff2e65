import CCurl
import CurlSupport
import Domain
import Foundation

/// The notifier for real mail: each notification becomes one MIME message (text and HTML parts) sent
/// to its recipient through an SMTP relay, over libcurl.
///
/// - Connections: plain, STARTTLS (required, never optional) or implicit TLS, with AUTH when a user is
///   configured. libcurl does the SMTP dialogue, including dot-stuffing of the message.
/// - Threads: `curl_easy_perform` blocks, so it runs on a `CurlWorkerPool` of dedicated threads
///   (at most `maximumConnections`), never on Swift's cooperative pool; each thread keeps its
///   connection for the next delivery.
/// - Idempotence: the `Message-ID` is made from `Notification.id`, so a redelivery after a failure or
///   a crash carries the same one and the receiver can de-duplicate (see `MailMessage`).
/// - Failures are `NotifierError`s: temporary for an unreachable server, a time-out or a 4xx reply;
///   permanent for a 5xx reply (unknown recipient, rejected message), refused credentials, or an
///   address SMTP cannot carry.
public struct SMTPNotifier: Notifier {
    public let configuration: Configuration
    private let workers: CurlWorkerPool

    public init(_ configuration: Configuration) {
        self.configuration = configuration
        workers = CurlWorkerPool(name: "SMTPNotifier", maximumThreads: max(1, configuration.maximumConnections))
    }

    /// Sends the notification; returns once the relay has accepted the message (250 after DATA).
    public func deliver(_ notification: Domain.Notification) async throws {
        let message: Data
        do {
            message = try MailMessage(
                notification: notification, sender: configuration.sender, senderName: configuration.senderName,
                domain: configuration.domain
            ).rendered()
        } catch {
            throw NotifierError.permanent(reason: "notification \(notification.id): \(error)")
        }
        let configuration = configuration
        let recipient = notification.recipient.email.value
        let outcome: Outcome
        do {
            outcome = try await workers.run { easy in Self.send(message, to: recipient, configuration: configuration, on: easy) }
        } catch {
            // Only cancellation gets here (a shutdown while sending): whether the relay took the message
            // is unknown, so it is sent again later; the Message-ID lets the receiver drop a duplicate.
            throw NotifierError.temporary(reason: "SMTP delivery of notification \(notification.id) was interrupted: \(error)")
        }
        if case .failed(let error, let reply) = outcome {
            throw SMTPFailure.notifierError(error, reply: reply, server: configuration.server)
        }
    }

    /// Connects, says EHLO (and STARTTLS and AUTH as configured) and QUITs without sending anything:
    /// whether the relay answers and accepts the credentials. For `switchboard config check`.
    public func checkConnection() async throws(NotifierError) {
        let configuration = configuration
        let outcome: Outcome
        do {
            outcome = try await workers.run { easy in
                Self.attempt(easy) { () throws(CurlError) in
                    try Self.prepare(easy, configuration)
                    // Without a message to send, libcurl's SMTP "transfer" is a command; NOOP changes nothing.
                    try easy.set(.customRequest, "NOOP")
                    try easy.set(.noBody, true)
                }
            }
        } catch {
            throw .temporary(reason: "checking \(configuration.server) was interrupted: \(error)")
        }
        if case .failed(let error, let reply) = outcome {
            throw SMTPFailure.notifierError(error, reply: reply, server: configuration.server)
        }
    }

    /// What a transfer ended with; carries the SMTP reply code out of the worker thread with the error.
    enum Outcome: Sendable {
        case sent
        case failed(CurlError, reply: Int)
    }

    /// One SMTP transaction on a worker thread: MAIL FROM, RCPT TO, DATA with `message`.
    private static func send(_ message: Data, to recipient: String, configuration: Configuration, on easy: CurlEasy) -> Outcome {
        attempt(easy) { () throws(CurlError) in
            try prepare(easy, configuration)
            try easy.set(.mailFrom, "<\(configuration.sender.value)>")
            let recipients = CurlHeaderList()
            recipients.append(line: "<\(recipient)>")
            try easy.setList(CURLOPT_MAIL_RCPT, recipients)
            try easy.set(.upload, true)
            var offset = 0
            easy.onRead { buffer in
                let count = min(buffer.count, message.count - offset)
                guard count > 0 else { return 0 }
                message.copyBytes(to: buffer.bindMemory(to: UInt8.self), from: offset..<(offset + count))
                offset += count
                return count
            }
        }
    }

    /// Options every exchange with the relay needs: where, how protected, who we are, how long.
    private static func prepare(_ easy: CurlEasy, _ configuration: Configuration) throws(CurlError) {
        try easy.set(.url, configuration.url)
        try easy.set(.protocols, "smtp,smtps")
        if configuration.security == .startTLS {
            try easy.set(.useSSL, Int(CURLUSESSL_ALL.rawValue))
        }
        if let caFile = configuration.caFile { try easy.set(.caInfo, caFile) }
        if let user = configuration.user {
            try easy.set(.username, user)
            try easy.set(.password, configuration.password ?? "")
        }
        try easy.set(.connectTimeoutMilliseconds, configuration.connectTimeout.wholeMilliseconds)
        try easy.set(.timeoutMilliseconds, configuration.timeout.wholeMilliseconds)
    }

    /// Runs `setUp`, then the transfer, and reports how it ended with the last reply code.
    private static func attempt(_ easy: CurlEasy, _ setUp: () throws(CurlError) -> Void) -> Outcome {
        do {
            try setUp()
            try easy.perform()
            return .sent
        } catch {
            return .failed(error, reply: easy.responseCode)
        }
    }
}
