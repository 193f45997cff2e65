import Domain
import Foundation

/// The contract's own notifications: fixed ids and times, so every run and every adapter sees the same data.
enum NotifierFixtures {
    static let organization = OrganizationID(id(1))
    static let otherOrganization = OrganizationID(id(2))

    /// Every optional field set, a time with milliseconds.
    static let complete = Domain.Notification(
        id: NotificationID(id(100)), organizationID: organization, kind: .ticketAssigned,
        recipient: Recipient(userID: UserID(id(200)), name: "Ada Lovelace", email: email("ada.lovelace@example.com")),
        subject: "[TKT-000123] Assigned to you: Cannot log in",
        textBody: "Hello Ada,\n\nTicket TKT-000123 is now assigned to you.\nPriority: high\n",
        htmlBody: "<p>Hello Ada,</p><p>Ticket <a href=\"https://support.example.com/t/123?a=1&b=2\">TKT-000123</a> is now assigned to you.</p>",
        ticketID: TicketID(id(300)),
        createdAt: Date(millisecondsSince1970: 1_767_225_600_123)
    )

    /// Every optional field absent (which must arrive as absent, not as empty), a whole-second time.
    static let minimal = Domain.Notification(
        id: NotificationID(id(101)), organizationID: otherOrganization, kind: .satisfactionSurvey,
        recipient: Recipient(userID: nil, name: "Guest", email: email("guest@example.org")),
        subject: "How did we do?", textBody: "Rate your support experience.",
        createdAt: Date(millisecondsSince1970: 1_767_225_601_000)
    )

    /// Text that mail and JSON encoders like to damage: line breaks of every kind, tabs, quotes,
    /// backslashes, control characters, emoji sequences, combining marks that must stay decomposed,
    /// right-to-left and CJK scripts, invisible characters, and HTML that must not be interpreted.
    static let hostileText = Domain.Notification(
        id: NotificationID(id(102)), organizationID: organization, kind: .replyAdded,
        recipient: Recipient(userID: UserID(id(201)), name: "Zoë Ångström-山田 \"Zed\" O'Neil", email: email("zoe@example.com")),
        subject: "Re: [TKT-000124] “Naïve” café — résumé ✓ 🚀 (e\u{301} ≠ é)",
        textBody: "\nFirst line\nSecond line\r\nThird line\rFourth\n\n\tTabbed \"double\" 'single' `back`\n"
            + "Backslashes \\ \\\\ \\n (literal), slash / and </script>\n"
            + "Emoji: 👩‍💻 👍🏽 🇫🇷 1️⃣; combining: e\u{301} a\u{308} ; precomposed: é ä\n"
            + "RTL: שלום עולם مرحبا بالعالم; CJK: 漢字かなカナ 한국어\n"
            + "Controls: bell\u{7} escape\u{1B} delete\u{7F}; separators: \u{2028} and \u{2029}; BOM \u{FEFF}; zero-width: a\u{200B}b\n"
            + "Trailing spaces   \n   leading spaces\n",
        htmlBody: "<p>Hello <b>Zoë</b> &amp; &lt;team&gt;</p>\n<pre>line 1\r\nline 2</pre>\n<script>alert('x')</script>\u{2028}👩‍💻",
        ticketID: TicketID(id(301)),
        createdAt: Date(millisecondsSince1970: 1_767_225_602_999)
    )

    /// One notification per kind, otherwise alike.
    static let everyKind: [Domain.Notification] = Domain.Notification.Kind.allCases.enumerated().map { index, kind in
        Domain.Notification(
            id: NotificationID(id(1_000 + UInt64(index))), organizationID: organization, kind: kind,
            recipient: Recipient(userID: UserID(id(202)), name: "Agent", email: email("agent@example.com")),
            subject: "Kind \(kind.rawValue)", textBody: "About \(kind.rawValue).", ticketID: TicketID(id(302)),
            createdAt: Date(millisecondsSince1970: 1_767_225_700_000 + Int64(index))
        )
    }

    /// The `index`th of many distinct notifications with bodies of about `bodySize` bytes (larger than
    /// a pipe's atomic write, so that unserialised writers would interleave).
    static func numbered(_ index: Int, bodySize: Int) -> Domain.Notification {
        let line = "Notification \(index) of a crowd, line after line, all of it must arrive whole.\n"
        let body = String(repeating: line, count: max(1, bodySize / line.utf8.count))
        return Domain.Notification(
            id: NotificationID(id(10_000 + UInt64(index))), organizationID: organization,
            kind: Domain.Notification.Kind.allCases[index % Domain.Notification.Kind.allCases.count],
            recipient: Recipient(userID: UserID(id(20_000 + UInt64(index))), name: "Recipient \(index)", email: email("r\(index)@example.com")),
            subject: "Crowd \(index)", textBody: body, htmlBody: index.isMultiple(of: 2) ? "<pre>\(body)</pre>" : nil,
            ticketID: index.isMultiple(of: 3) ? nil : TicketID(id(30_000 + UInt64(index))),
            createdAt: Date(millisecondsSince1970: 1_767_225_800_000 + Int64(index))
        )
    }

    /// A small notification to `address` (for refusals), distinct per `index`.
    static func addressed(to address: EmailAddress, index: Int) -> Domain.Notification {
        Domain.Notification(
            id: NotificationID(id(500 + UInt64(index))), organizationID: organization, kind: .statusChanged,
            recipient: Recipient(userID: nil, name: "Refused \(index)", email: address),
            subject: "Refused \(index)", textBody: "This one is refused.", ticketID: TicketID(id(303)),
            createdAt: Date(millisecondsSince1970: 1_767_225_900_000 + Int64(index))
        )
    }

    /// A fixed version-7 UUID: `n` as both the time and the random part.
    private static func id(_ n: UInt64) -> UUID {
        UUIDv7.make(milliseconds: 1_767_225_600_000 + n, sequence: 0, random: n)
    }

    private static func email(_ text: String) -> EmailAddress {
        guard let address = EmailAddress(text) else { preconditionFailure("fixture email \(text) is invalid") }
        return address
    }
}
