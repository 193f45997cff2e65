import Domain
import Foundation
import Testing

/// A received message read back the way a mail client would: header fields unfolded and decoded
/// (RFC 2047 encoded words), MIME parts split and their base64 decoded. Independent of the adapter's
/// renderer, so the contract checks what arrives, not what the adapter believes it sent.
struct ReceivedMail {
    /// Fields in order, names as written, values unfolded but not decoded.
    let fields: [(name: String, value: String)]
    /// Parts by content type (`text/plain`, `text/html`), decoded to text.
    let parts: [(type: String, text: String)]
    /// The raw lines of the header, as received (for line-length checks).
    let rawHeaderLines: [String]

    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    init(_ data: Data) throws {
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw Malformed(description: "no blank line after the header") }
        let head = String(text[..<split.lowerBound])
        let body = String(text[split.upperBound...])
        rawHeaderLines = head.components(separatedBy: "\r\n")
        fields = try Self.fields(head)
        let contentType = fields.first { $0.name.lowercased() == "content-type" }?.value ?? "text/plain"
        if contentType.lowercased().hasPrefix("multipart/") {
            guard let boundary = Self.parameter("boundary", in: contentType) else { throw Malformed(description: "multipart without boundary") }
            var parts: [(type: String, text: String)] = []
            let sections = body.components(separatedBy: "--" + boundary)
            // Preamble first, epilogue (after "--boundary--") last.
            for section in sections.dropFirst() where !section.hasPrefix("--") {
                let part = try ReceivedMail(Data(section.drop { $0 == "\r\n" || $0 == "\r" || $0 == "\n" }.utf8))
                parts.append(contentsOf: part.parts)
            }
            self.parts = parts
        } else {
            let type = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? "text/plain"
            let encoding = fields.first { $0.name.lowercased() == "content-transfer-encoding" }?.value.lowercased()
            let decoded: String
            if encoding == "base64" {
                let compact = body.filter { !$0.isWhitespace }
                guard let bytes = Data(base64Encoded: compact) else { throw Malformed(description: "\(type) part is not base64") }
                decoded = String(decoding: bytes, as: UTF8.self)
            } else {
                decoded = body
            }
            parts = [(type, decoded)]
        }
    }

    /// The unfolded value of the first field named `name`, undecoded.
    func raw(_ name: String) -> String? {
        fields.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The value of `name` with encoded words decoded.
    func decoded(_ name: String) -> String? { raw(name).map(Self.decodeWords) }

    func part(_ type: String) -> String? { parts.first { $0.type == type }?.text }

    /// The notification this message carries, as a receiver reconstructs it.
    func notification() throws -> Domain.Notification {
        func required(_ name: String) throws -> String {
            guard let value = raw(name) else { throw Malformed(description: "no \(name) field") }
            return value
        }
        let messageID = try required("Message-ID")
        guard let idText = messageID.firstMatch(of: /<notification\.([0-9a-f-]+)@/)?.1, let id = NotificationID(String(idText)) else {
            throw Malformed(description: "Message-ID \(messageID) names no notification")
        }
        guard let kind = Domain.Notification.Kind(rawValue: try required("X-Switchboard-Kind")) else { throw Malformed(description: "kind") }
        guard let organization = OrganizationID(try required("X-Switchboard-Organization")) else { throw Malformed(description: "organization") }
        guard let milliseconds = Int64(try required("X-Switchboard-Created-At")) else { throw Malformed(description: "created at") }
        let (name, address) = try Self.mailbox(decoded("To") ?? "")
        guard let email = EmailAddress(address) else { throw Malformed(description: "To address \(address)") }
        return Domain.Notification(
            id: id, organizationID: organization, kind: kind,
            recipient: Recipient(userID: raw("X-Switchboard-Recipient-User").flatMap(UserID.init), name: name, email: email),
            subject: decoded("Subject") ?? "", textBody: part("text/plain") ?? "", htmlBody: part("text/html"),
            ticketID: raw("X-Switchboard-Ticket").flatMap(TicketID.init),
            createdAt: Date(millisecondsSince1970: milliseconds)
        )
    }

    // MARK: Parsing

    private static func fields(_ head: String) throws -> [(name: String, value: String)] {
        var fields: [(name: String, value: String)] = []
        for line in head.components(separatedBy: "\r\n") {
            if line.first == " " || line.first == "\t" {
                guard !fields.isEmpty else { throw Malformed(description: "continuation line first") }
                fields[fields.count - 1].value += line  // unfolding removes the CR LF only
            } else {
                guard let colon = line.firstIndex(of: ":") else { throw Malformed(description: "header line without colon: \(line)") }
                var value = line[line.index(after: colon)...]
                if value.first == " " { value = value.dropFirst() }
                fields.append((String(line[..<colon]), String(value)))
            }
        }
        return fields
    }

    static func parameter(_ name: String, in value: String) -> String? {
        for piece in value.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            return pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }

    /// RFC 2047: `=?charset?B|Q?text?=` words decoded; whitespace between two encoded words dropped.
    static func decodeWords(_ value: String) -> String {
        let pattern = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/
        var out = ""
        var rest = Substring(value)
        var previousWasEncoded = false
        while let match = rest.firstMatch(of: pattern) {
            let between = rest[..<match.range.lowerBound]
            if !(previousWasEncoded && between.allSatisfy(\.isWhitespace)) { out += between }
            let bytes: Data
            if match.2.uppercased() == "B" {
                bytes = Data(base64Encoded: String(match.3)) ?? Data()
            } else {
                var data = Data()
                var chars = Array(match.3.utf8)[...]
                while let c = chars.popFirst() {
                    if c == UInt8(ascii: "_") { data.append(0x20) }
                    else if c == UInt8(ascii: "="), chars.count >= 2, let byte = UInt8(String(decoding: chars.prefix(2), as: UTF8.self), radix: 16) {
                        data.append(byte); chars = chars.dropFirst(2)
                    } else { data.append(c) }
                }
                bytes = data
            }
            out += String(decoding: bytes, as: UTF8.self)
            rest = rest[match.range.upperBound...]
            previousWasEncoded = true
        }
        return out + rest
    }

    /// `Name <address>` (name already decoded) into its parts.
    static func mailbox(_ value: String) throws -> (name: String, address: String) {
        guard let open = value.lastIndex(of: "<"), let close = value.lastIndex(of: ">"), open < close else {
            return ("", value.trimmingCharacters(in: .whitespaces))
        }
        var name = String(value[..<open])
        if name.hasSuffix(" ") { name.removeLast() }
        return (name, String(value[value.index(after: open)..<close]))
    }
}
