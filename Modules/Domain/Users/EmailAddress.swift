/// A syntactically plausible email address, stored lower-cased so that lookups are case-insensitive.
public struct EmailAddress: Sendable, Hashable, Codable, CustomStringConvertible {
    public let value: String

    /// Validates the shape `local@domain.tld` (no spaces, one `@`, a dot in the domain, ≤ 254 characters).
    public init?(_ raw: String) {
        let text = raw.trimmingWhitespace().lowercased()
        guard text.count <= 254, !text.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" }) else { return nil }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].count >= 3 else { return nil }
        let domain = parts[1]
        guard domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix(".") else { return nil }
        value = text
    }

    public var description: String { value }

    /// Encoded as the plain address string; decoding validates it again.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let address = EmailAddress(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an email address: \(text)")
        }
        self = address
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
