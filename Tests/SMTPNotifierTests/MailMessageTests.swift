import Domain
import Foundation
@testable import SMTPNotifier
import Testing

/// The MIME rendering on its own (no server): structure, encoding, folding, ids and threading.
struct MailMessageTests {
    static let sender = EmailAddress("support@acme.example")!

    static func notification(
        subject: String = "[TKT-000007] New reply: Printer on fire", name: String = "Ada Lovelace",
        text: String = "Hello Ada,\n\nthe printer is out.\n", html: String? = "<p>Hello <b>Ada</b></p>",
        ticket: TicketID? = TicketID(UUIDv7.make(milliseconds: 1_767_225_600_000, sequence: 0, random: 7)), id: UInt64 = 1
    ) -> Domain.Notification {
        Domain.Notification(
            id: NotificationID(UUIDv7.make(milliseconds: 1_767_225_600_000, sequence: 0, random: id)),
            organizationID: OrganizationID(UUIDv7.make(milliseconds: 1_767_225_600_000, sequence: 0, random: 99)),
            kind: .replyAdded, recipient: Recipient(userID: nil, name: name, email: EmailAddress("ada@example.com")!),
            subject: subject, textBody: text, htmlBody: html, ticketID: ticket,
            createdAt: Date(millisecondsSince1970: 1_767_225_600_123)
        )
    }

    static func render(_ notification: Domain.Notification) throws -> (Data, ReceivedMail) {
        let data = try MailMessage(notification: notification, sender: sender, senderName: "Acme Support", domain: "acme.example").rendered()
        return (data, try ReceivedMail(data))
    }

    @Test func `text and HTML travel as multipart/alternative, text first, both UTF-8 base64`() throws {
        let sent = Self.notification(text: "Grüße\n", html: "<p>Grüße</p>")
        let (data, mail) = try Self.render(sent)
        let contentType = try #require(mail.raw("Content-Type"), "Content-Type of a message with HTML")
        #expect(contentType.hasPrefix("multipart/alternative;"), "Content-Type: \(contentType)")
        #expect(mail.raw("MIME-Version") == "1.0", "MIME-Version")
        #expect(mail.parts.map(\.type) == ["text/plain", "text/html"], "part order: \(mail.parts.map(\.type))")
        #expect(mail.part("text/plain") == "Grüße\n", "decoded text part")
        #expect(mail.part("text/html") == "<p>Grüße</p>", "decoded HTML part")
        let raw = String(decoding: data, as: UTF8.self)
        #expect(raw.components(separatedBy: "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64").count == 2,
                "the text part declares charset=utf-8 and base64")
        #expect(raw.hasSuffix("--\r\n"), "the multipart body ends with its closing boundary")
    }

    @Test func `without HTML the message is a single text/plain part`() throws {
        let (_, mail) = try Self.render(Self.notification(html: nil))
        #expect(mail.raw("Content-Type") == "text/plain; charset=utf-8", "Content-Type without HTML: \(mail.raw("Content-Type") ?? "none")")
        #expect(mail.parts.map(\.type) == ["text/plain"], "parts without HTML")
    }

    @Test func `every line ends in CR LF, stays within 78 characters, and is ASCII`() throws {
        let long = String(repeating: "Very long subject words keep going ", count: 8) + "end"
        let (data, _) = try Self.render(Self.notification(subject: long, name: String(repeating: "Bartholomew ", count: 10) + "Ünal",
                                                           text: String(repeating: "x", count: 5_000)))
        let raw = String(decoding: data, as: UTF8.self)
        #expect(!raw.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "a bare LF in the message")
        #expect(!raw.replacingOccurrences(of: "\r\n", with: "").contains("\r"), "a bare CR in the message")
        #expect(data.allSatisfy { $0 < 0x80 }, "a non-ASCII byte in the message")
        for line in raw.components(separatedBy: "\r\n") {
            #expect(line.count <= 78, "line of \(line.count) characters: \(line)")
        }
    }

    @Test func `a plain ASCII subject is folded, not encoded, and unfolds to itself`() throws {
        let long = String(repeating: "Very long subject words keep going ", count: 4) + "end"
        let (_, mail) = try Self.render(Self.notification(subject: long))
        let field = try #require(mail.rawHeaderLines.firstIndex { $0.hasPrefix("Subject:") })
        #expect(mail.rawHeaderLines[field + 1].hasPrefix(" "), "a long subject continues on a folded line")
        #expect(mail.raw("Subject") == long, "unfolded subject: \(mail.raw("Subject") ?? "none")")
        #expect(mail.raw("Subject")?.contains("=?") == false, "a plain ASCII subject must not be encoded")
    }

    @Test(arguments: [
        "Réponse: café ✓", "Emoji 👩‍💻 and combining e\u{301}", "  leading and  double spaces ", "looks =?UTF-8?B?encoded?= but is not",
        "tab\tinside", String(repeating: "ü", count: 200),
    ])
    func `a subject that is not plain ASCII travels as RFC 2047 encoded words and decodes to itself`(subject: String) throws {
        let (_, mail) = try Self.render(Self.notification(subject: subject))
        let raw = try #require(mail.raw("Subject"))
        #expect(raw.hasPrefix("=?UTF-8?B?"), "subject \(subject.debugDescription) as sent: \(raw)")
        #expect(Array(ReceivedMail.decodeWords(raw).unicodeScalars) == Array(subject.unicodeScalars), "subject \(subject.debugDescription) read back")
        for word in raw.split(separator: " ") {
            #expect(word.count <= 75, "encoded word of \(word.count) characters (RFC 2047 allows 75)")
        }
    }

    @Test func `an empty subject is an empty field`() throws {
        let (data, mail) = try Self.render(Self.notification(subject: ""))
        #expect(String(decoding: data, as: UTF8.self).contains("\r\nSubject:\r\n"), "an empty Subject field")
        #expect(mail.raw("Subject") == "", "empty subject read back: \(mail.raw("Subject") ?? "none")")
    }

    @Test(arguments: [("RCPT failed: 550", 550), ("MAIL failed: 451", 451), ("Failed to connect to 127.0.0.1 port 9", nil)] as [(String, Int?)])
    func `the refused command's reply code is read from libcurl's message`(detail: String, code: Int?) {
        #expect(SMTPFailure.replyCode(in: detail) == code, "reply code in \(detail.debugDescription)")
    }

    @Test func `display names with specials or non-ASCII are encoded, atoms are not`() throws {
        let (_, plain) = try Self.render(Self.notification(name: "Ada Lovelace"))
        #expect(plain.raw("To") == "Ada Lovelace <ada@example.com>", "To with an atom name: \(plain.raw("To") ?? "none")")
        let hostile = "Zoë \"Zed\" <evil@x.example>, O'Neil\r\nBcc: victim@x.example"
        let (_, encoded) = try Self.render(Self.notification(name: hostile))
        #expect(encoded.raw("Bcc") == nil, "a name with CR LF must not add a header field")
        let (name, address) = try ReceivedMail.mailbox(encoded.decoded("To") ?? "")
        #expect(name == hostile && address == "ada@example.com", "To read back: \(name.debugDescription) <\(address)>")
        #expect(encoded.raw("From") == "Acme Support <support@acme.example>", "From: \(encoded.raw("From") ?? "none")")
    }

    @Test func `Message-ID comes from the notification id, so a redelivery carries the same one`() throws {
        let sent = Self.notification()
        let (_, first) = try Self.render(sent)
        let (_, second) = try Self.render(sent)
        #expect(first.raw("Message-ID") == "<notification.\(sent.id)@acme.example>", "Message-ID: \(first.raw("Message-ID") ?? "none")")
        #expect(first.raw("Message-ID") == second.raw("Message-ID"), "two renderings of one notification")
        let (_, other) = try Self.render(Self.notification(id: 2))
        #expect(other.raw("Message-ID") != first.raw("Message-ID"), "two notifications share a Message-ID")
    }

    @Test func `every notification about one ticket refers to the ticket's thread id`() throws {
        let ticket = TicketID(UUIDv7.make(milliseconds: 1_767_225_600_000, sequence: 0, random: 42))
        let (_, first) = try Self.render(Self.notification(ticket: ticket, id: 1))
        let (_, second) = try Self.render(Self.notification(ticket: ticket, id: 2))
        let thread = "<ticket.\(ticket)@acme.example>"
        for (index, mail) in [first, second].enumerated() {
            #expect(mail.raw("In-Reply-To") == thread, "In-Reply-To of update \(index + 1): \(mail.raw("In-Reply-To") ?? "none")")
            #expect(mail.raw("References") == thread, "References of update \(index + 1): \(mail.raw("References") ?? "none")")
        }
        let (_, unthreaded) = try Self.render(Self.notification(ticket: nil))
        #expect(unthreaded.raw("In-Reply-To") == nil && unthreaded.raw("References") == nil, "a notification without a ticket has no thread")
    }

    @Test func `Date is RFC 5322 in UTC and the exact time travels in milliseconds`() throws {
        let (_, mail) = try Self.render(Self.notification())
        #expect(mail.raw("Date") == "Thu, 01 Jan 2026 00:00:00 +0000", "Date: \(mail.raw("Date") ?? "none")")
        #expect(mail.raw("X-Switchboard-Created-At") == "1767225600123", "created at: \(mail.raw("X-Switchboard-Created-At") ?? "none")")
        #expect(mail.raw("Auto-Submitted") == "auto-generated", "Auto-Submitted")
    }

    @Test func `a body line starting with a dot is left to curl's dot-stuffing and arrives intact`() throws {
        // Base64 never starts a line with ".", so nothing in the message needs stuffing; the text's own
        // dots are inside the encoding.
        let text = ".\n.leading dot\n..two\n"
        let (_, mail) = try Self.render(Self.notification(text: text, html: nil))
        #expect(mail.part("text/plain") == text, "text with leading dots read back")
    }

    @Test(arguments: ["a<b@example.com", "a@exa\rmple.com", "ü@example.com", "a,b@example.com"])
    func `a recipient address SMTP cannot carry is refused before sending`(address: String) throws {
        let notification = Domain.Notification(
            id: NotificationID(UUID()), organizationID: OrganizationID(UUID()), kind: .ticketCreated,
            recipient: Recipient(userID: nil, name: "X", email: try #require(EmailAddress(address), "the domain accepts \(address.debugDescription)")),
            subject: "s", textBody: "t", createdAt: Date(millisecondsSince1970: 0)
        )
        #expect(throws: MailMessage.Unsendable.self, "render to \(address.debugDescription)") {
            try MailMessage(notification: notification, sender: Self.sender, senderName: "", domain: "acme.example").rendered()
        }
    }
}
