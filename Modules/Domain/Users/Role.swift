/// What a user is to the organization; drives the permission policy (§14).
public enum Role: String, Sendable, Codable, CaseIterable, Comparable {
    case customer, agent, supervisor, admin

    /// Staff work tickets; customers only open and follow their own.
    public var isStaff: Bool { self != .customer }

    private var rank: Int {
        switch self {
        case .customer: 0
        case .agent: 1
        case .supervisor: 2
        case .admin: 3
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }
}
