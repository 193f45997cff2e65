/// The human number of a ticket: sequential per organization, allocated by storage at insertion.
public struct TicketNumber: Sendable, Hashable, Comparable, Codable {
    public let value: Int

    public init(_ value: Int) { self.value = value }

    /// Placeholder carried by a ticket before storage has allocated its number.
    public static let unallocated = TicketNumber(0)

    /// `TKT-000123` for prefix `TKT` and value 123.
    public func formatted(prefix: String) -> String {
        let digits = String(value)
        return "\(prefix)-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// Accepts `TKT-000123` (any prefix) or `123`.
    public init?(parsing text: String) {
        let digits = text.split(separator: "-").last.map(String.init) ?? text
        guard let value = Int(digits), value > 0 else { return nil }
        self.value = value
    }

    public static func < (lhs: TicketNumber, rhs: TicketNumber) -> Bool { lhs.value < rhs.value }
}
