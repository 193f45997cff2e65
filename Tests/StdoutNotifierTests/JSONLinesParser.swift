import Domain
import Foundation

/// Reads notifications back from JSON lines as a log pipeline would, independently of the adapter's
/// encoder: the documented field names, every field present, `null` for absent ones.
enum JSONLinesParser {
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    static let fields: Set<String> = [
        "id", "kind", "organization_id", "recipient", "subject", "text_body", "html_body", "ticket_id", "created_at",
    ]
    static let recipientFields: Set<String> = ["user_id", "name", "email"]

    /// Every line of `output`; the output must end with a line break (no half-written line).
    static func parse(_ output: Data) throws -> [Domain.Notification] {
        guard !output.isEmpty else { return [] }
        guard output.last == 0x0A else { throw Malformed(description: "the output ends inside a line") }
        return try output.dropLast().split(separator: 0x0A, omittingEmptySubsequences: false).enumerated().map { index, line in
            do {
                return try parse(line: Data(line))
            } catch {
                throw Malformed(description: "line \(index + 1) (\(line.count) bytes): \(error)")
            }
        }
    }

    static func parse(line: Data) throws -> Domain.Notification {
        let object = try JSONSerialization.jsonObject(with: line) as? [String: Any]
        guard let object, Set(object.keys) == fields else {
            throw Malformed(description: "fields are \(object.map { $0.keys.sorted() } ?? []), expected \(fields.sorted())")
        }
        guard let recipient = object["recipient"] as? [String: Any], Set(recipient.keys) == recipientFields else {
            throw Malformed(description: "recipient fields are wrong: \(String(describing: object["recipient"]))")
        }
        let decoded = try JSONDecoder().decode(Line.self, from: line)
        guard let email = EmailAddress(decoded.recipient.email) else { throw Malformed(description: "bad email \(decoded.recipient.email)") }
        guard let createdAt = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(decoded.createdAt),
              decoded.createdAt.hasSuffix("Z"), decoded.createdAt.count == "2026-01-01T00:00:00.000Z".count
        else { throw Malformed(description: "created_at \(decoded.createdAt) is not UTC ISO 8601 with milliseconds") }
        return Domain.Notification(
            id: decoded.id, organizationID: decoded.organizationID, kind: decoded.kind,
            recipient: Recipient(userID: decoded.recipient.userID, name: decoded.recipient.name, email: email),
            subject: decoded.subject, textBody: decoded.textBody, htmlBody: decoded.htmlBody, ticketID: decoded.ticketID,
            // Times are whole milliseconds; parsing the decimal text may land a hair off in binary.
            createdAt: Date(millisecondsSince1970: Int64((createdAt.timeIntervalSince1970 * 1000).rounded()))
        )
    }

    /// The line's shape; optional fields are decoded with `decode`, so a missing key fails.
    private struct Line: Decodable {
        let id: NotificationID
        let kind: Domain.Notification.Kind
        let organizationID: OrganizationID
        let recipient: LineRecipient
        let subject: String
        let textBody: String
        let htmlBody: String?
        let ticketID: TicketID?
        let createdAt: String

        enum CodingKeys: String, CodingKey {
            case id, kind, recipient, subject
            case organizationID = "organization_id"
            case textBody = "text_body"
            case htmlBody = "html_body"
            case ticketID = "ticket_id"
            case createdAt = "created_at"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(NotificationID.self, forKey: .id)
            kind = try container.decode(Domain.Notification.Kind.self, forKey: .kind)
            organizationID = try container.decode(OrganizationID.self, forKey: .organizationID)
            recipient = try container.decode(LineRecipient.self, forKey: .recipient)
            subject = try container.decode(String.self, forKey: .subject)
            textBody = try container.decode(String.self, forKey: .textBody)
            htmlBody = try container.decode(String?.self, forKey: .htmlBody)
            ticketID = try container.decode(TicketID?.self, forKey: .ticketID)
            createdAt = try container.decode(String.self, forKey: .createdAt)
        }
    }

    private struct LineRecipient: Decodable {
        let userID: UserID?
        let name: String
        let email: String

        enum CodingKeys: String, CodingKey {
            case name, email
            case userID = "user_id"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            userID = try container.decode(UserID?.self, forKey: .userID)
            name = try container.decode(String.self, forKey: .name)
            email = try container.decode(String.self, forKey: .email)
        }
    }
}
