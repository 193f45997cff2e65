import Domain
import Foundation

/// The wire format of one notification, a single line of JSON with sorted keys and every field
/// present (`null` when absent):
///
/// ```
/// {"created_at":"2026-01-01T00:00:00.123Z","html_body":null,"id":"…","kind":"ticket_assigned",
///  "organization_id":"…","recipient":{"email":"…","name":"…","user_id":null},"subject":"…",
///  "text_body":"…","ticket_id":"…"}
/// ```
///
/// Ids are lower-case UUIDs; `kind` is `Notification.Kind`'s raw value; `created_at` is UTC ISO 8601
/// with milliseconds. Line breaks inside text are escaped by JSON, so a line is a notification.
struct NotificationLine: Encodable {
    private let notification: Domain.Notification

    init(_ notification: Domain.Notification) {
        self.notification = notification
    }

    private enum Keys: String, CodingKey {
        case id, kind, subject, recipient
        case organizationID = "organization_id"
        case textBody = "text_body"
        case htmlBody = "html_body"
        case ticketID = "ticket_id"
        case createdAt = "created_at"
    }

    private enum RecipientKeys: String, CodingKey {
        case name, email
        case userID = "user_id"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(notification.id, forKey: .id)
        try container.encode(notification.kind, forKey: .kind)
        try container.encode(notification.organizationID, forKey: .organizationID)
        var recipient = container.nestedContainer(keyedBy: RecipientKeys.self, forKey: .recipient)
        // `encode` of an optional writes `null`; `encodeIfPresent` would drop the key.
        try recipient.encode(notification.recipient.userID, forKey: .userID)
        try recipient.encode(notification.recipient.name, forKey: .name)
        try recipient.encode(notification.recipient.email.value, forKey: .email)  // a plain address, not the wrapper
        try container.encode(notification.subject, forKey: .subject)
        try container.encode(notification.textBody, forKey: .textBody)
        try container.encode(notification.htmlBody, forKey: .htmlBody)
        try container.encode(notification.ticketID, forKey: .ticketID)
        try container.encode(Self.timestamp(notification.createdAt), forKey: .createdAt)
    }

    /// The JSON object followed by `\n`.
    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var line = try encoder.encode(self)
        line.append(0x0A)
        return line
    }

    /// UTC ISO 8601 with milliseconds, computed from whole milliseconds (times in the domain are whole
    /// milliseconds; rounding to the nearest guards against floating-point noise).
    static func timestamp(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (seconds, fraction) = milliseconds.quotientAndRemainder(dividingBy: 1000)
        let (wholeSeconds, millis) = fraction < 0 ? (seconds - 1, fraction + 1000) : (seconds, fraction)
        let base = Date(timeIntervalSince1970: TimeInterval(wholeSeconds))
            .formatted(Date.ISO8601FormatStyle(timeZone: .gmt))  // "…T00:00:00Z"
        let millisText = String(millis)
        return base.dropLast() + "." + String(repeating: "0", count: 3 - millisText.count) + millisText + "Z"
    }
}
