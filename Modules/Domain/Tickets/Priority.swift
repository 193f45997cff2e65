/// Ticket urgency; `rank` orders queues (urgent first).
public enum Priority: String, Sendable, Codable, CaseIterable, Comparable {
    case low, medium, high, urgent

    public var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        case .urgent: 3
        }
    }

    public init?(rank: Int) {
        guard let match = Priority.allCases.first(where: { $0.rank == rank }) else { return nil }
        self = match
    }

    public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rank < rhs.rank }
}
