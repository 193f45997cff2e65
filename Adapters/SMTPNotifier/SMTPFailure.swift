import CCurl
import CurlSupport
import Domain

/// Translates a failed SMTP exchange into the port's error: temporary when trying later may work,
/// permanent when this message will never be accepted as it is.
enum SMTPFailure {
    /// - Parameters:
    ///   - error: what libcurl reported.
    ///   - reply: the last SMTP reply code received (0 when none).
    static func notifierError(_ error: CurlError, reply lastReply: Int, server: String) -> NotifierError {
        // libcurl names the refused command's reply in its message ("RCPT failed: 550"); the handle's
        // last reply code may already be that of the QUIT sent while closing the connection.
        let reply = replyCode(in: error.detail) ?? lastReply
        let what = "SMTP delivery through \(server) failed: \(error)"
        if error.code == CURLE_LOGIN_DENIED.rawValue {
            // The relay refused our credentials: every message would be refused the same way until an
            // operator fixes the configuration, so retrying this one on a schedule is pointless.
            return .permanent(reason: "\(what) (the server refused the user name or password)")
        }
        switch reply {
        case 400..<500:
            // RFC 5321 §4.2.1: 4yz is a transient negative completion (mailbox busy, greylisting, …).
            return .temporary(reason: "\(what) (reply \(reply))")
        case 500..<600:
            // 5yz is permanent: unknown recipient, rejected sender, message refused.
            return .permanent(reason: "\(what) (reply \(reply))")
        default:
            break
        }
        if [CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL].contains(where: { $0.rawValue == error.code }) {
            return .permanent(reason: what)
        }
        // No connection, time-outs, broken exchanges, TLS trouble: the server or the way to it, not the
        // message. Retried with backoff, and marked failed for an admin after the last attempt.
        return .temporary(reason: what)
    }

    /// The three-digit reply in libcurl's messages such as "MAIL failed: 451" or "RCPT failed: 550".
    static func replyCode(in detail: String) -> Int? {
        guard let match = detail.firstMatch(of: /failed: ([2-5][0-9][0-9])/) else { return nil }
        return Int(match.1)
    }
}
