import Foundation

/// A typed identifier: an opaque UUID (version 7, time-ordered) tagged with the entity it names,
/// so that a `TicketID` can never be passed where a `UserID` is expected.
public struct Identifier<Entity>: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public let uuid: UUID

    public init(_ uuid: UUID) { self.uuid = uuid }

    /// Parses the canonical textual form; `nil` when the text is not a UUID.
    public init?(_ text: String) {
        guard let uuid = UUID(uuidString: text) else { return nil }
        self.uuid = uuid
    }

    /// Lower-case canonical form, as used on the wire and in databases. Written straight from the bytes: storage
    /// formats ids on every row it writes, and `uuidString` (formatted, then lower-cased) costs several times more.
    public var description: String {
        withUnsafeBytes(of: uuid.uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { buffer in
                var position = 0
                for index in 0..<16 {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        buffer[position] = UInt8(ascii: "-")
                        position += 1
                    }
                    let byte = bytes[index]
                    buffer[position] = Self.hexDigit(byte >> 4)
                    buffer[position + 1] = Self.hexDigit(byte & 0x0F)
                    position += 2
                }
                return position
            }
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let uuid = UUID(uuidString: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a UUID: \(text)"))
        }
        self.uuid = uuid
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// UUIDv7 ids sort by creation time when compared byte-wise; so do these.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        withUnsafeBytes(of: lhs.uuid.uuid) { l in
            withUnsafeBytes(of: rhs.uuid.uuid) { r in l.lexicographicallyPrecedes(r) }
        }
    }
}

public typealias OrganizationID = Identifier<Organization>
public typealias UserID = Identifier<User>
public typealias DepartmentID = Identifier<Department>
public typealias TicketID = Identifier<Ticket>
public typealias MessageID = Identifier<Message>
public typealias AuditEventID = Identifier<AuditEvent>
public typealias FileID = Identifier<StoredFile>
public typealias NotificationID = Identifier<Notification>
