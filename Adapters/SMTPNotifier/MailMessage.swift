import Domain
import Foundation

/// A notification as an Internet message (RFC 5322 with MIME): what the SMTP notifier sends.
///
/// - Bodies are UTF-8 in base64, so that every character of the text arrives exactly (bare CR and LF,
///   control characters, long lines); with an HTML body the message is `multipart/alternative`, text
///   first, so that clients show the richest part they can.
/// - The subject and display names are RFC 2047 encoded words when they are not plain ASCII; long
///   fields are folded.
/// - `Message-ID` is made from the notification's id, so a redelivery carries the same one and the
///   receiver can drop the duplicate. Notifications about one ticket all refer (`In-Reply-To`,
///   `References`) to one thread id made from the ticket's id, so mail clients thread every update of
///   a ticket together.
/// - `X-Switchboard-*` fields carry the rest of the notification (kind, organization, recipient user,
///   ticket, creation time in milliseconds) for receivers and tests that read it back.
struct MailMessage: Sendable {
    let notification: Domain.Notification
    let sender: EmailAddress
    let senderName: String
    /// The right-hand side of message ids (usually the sender's domain).
    let domain: String

    /// Why a notification cannot be sent as mail at all (retrying cannot help).
    struct Unsendable: Error, Sendable, CustomStringConvertible {
        let description: String
    }

    /// `<notification.ID@domain>`: stable across retries.
    var messageID: String { Self.messageID(of: notification.id, domain: domain) }

    /// `<ticket.ID@domain>` for a notification about a ticket: the root every update refers to.
    var threadID: String? { notification.ticketID.map { Self.threadID(of: $0, domain: domain) } }

    static func messageID(of id: NotificationID, domain: String) -> String { "<notification.\(id)@\(domain)>" }
    static func threadID(of ticket: TicketID, domain: String) -> String { "<ticket.\(ticket)@\(domain)>" }

    /// Header fields, then the body; every line ends in CR LF. Throws `Unsendable` for a recipient
    /// address SMTP cannot carry.
    func rendered() throws(Unsendable) -> Data {
        let recipient = notification.recipient.email.value
        guard MailHeaderEncoding.isTransmittable(recipient) else {
            throw Unsendable(description: "the recipient address \(recipient.debugDescription) cannot be sent by SMTP")
        }
        guard MailHeaderEncoding.isTransmittable(sender.value) else {
            throw Unsendable(description: "the sender address \(sender.value.debugDescription) cannot be sent by SMTP")
        }
        var head = ""
        head += MailHeaderEncoding.field("From", words: MailHeaderEncoding.mailboxWords(name: senderName, address: sender.value))
        head += MailHeaderEncoding.field("To", words: MailHeaderEncoding.mailboxWords(name: notification.recipient.name, address: recipient))
        head += MailHeaderEncoding.field("Subject", words: MailHeaderEncoding.unstructuredWords(notification.subject))
        head += "Date: \(Self.date(notification.createdAt))\r\n"
        head += "Message-ID: \(messageID)\r\n"
        if let threadID {
            head += "In-Reply-To: \(threadID)\r\n"
            head += "References: \(threadID)\r\n"
        }
        // RFC 3834: automatic mail, so that vacation responders do not answer it.
        head += "Auto-Submitted: auto-generated\r\n"
        head += "X-Switchboard-Kind: \(notification.kind.rawValue)\r\n"
        head += "X-Switchboard-Organization: \(notification.organizationID)\r\n"
        if let user = notification.recipient.userID { head += "X-Switchboard-Recipient-User: \(user)\r\n" }
        if let ticket = notification.ticketID { head += "X-Switchboard-Ticket: \(ticket)\r\n" }
        head += "X-Switchboard-Created-At: \(Int64((notification.createdAt.timeIntervalSince1970 * 1000).rounded()))\r\n"
        head += "MIME-Version: 1.0\r\n"

        if let html = notification.htmlBody {
            // "=_" cannot occur in base64 text, so the boundary cannot occur in a part.
            let boundary = "=_switchboard_\(notification.id)"
            head += "Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"\r\n\r\n"
            var body = "This is a message in MIME format.\r\n"
            body += "--\(boundary)\r\n" + Self.part("text/plain", notification.textBody)
            body += "--\(boundary)\r\n" + Self.part("text/html", html)
            body += "--\(boundary)--\r\n"
            return Data((head + body).utf8)
        }
        return Data((head + Self.part("text/plain", notification.textBody)).utf8)
    }

    /// Content fields, a blank line and `text` as base64 in lines of 76 characters.
    private static func part(_ type: String, _ text: String) -> String {
        "Content-Type: \(type); charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + Data(text.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
            + "\r\n"
    }

    /// RFC 5322 date in UTC, e.g. `Thu, 01 Jan 2026 00:00:00 +0000`, written out by hand so that no
    /// locale can change a day or month name.
    static func date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(days[(parts.weekday ?? 1) - 1]), \(two(parts.day)) \(months[(parts.month ?? 1) - 1]) \(parts.year ?? 1970) "
            + "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) +0000"
    }
}
