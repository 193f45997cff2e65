import Foundation

/// The working side of a staff user (§3): where they work, what they can take, and how they are doing.
public struct AgentProfile: Sendable, Equatable {
    public let userID: UserID
    public let organizationID: OrganizationID
    public var employeeID: String?
    public var departmentIDs: Set<DepartmentID>
    /// Support tier 1–3; routing matches it against the ticket's tier.
    public var tier: Int
    public var skills: Set<String>
    public var languages: Set<String>
    public var availability: Availability
    public var maxConcurrentTickets: Int
    public var maxConcurrentChats: Int
    public var shift: ShiftSchedule
    public var statistics: AgentStatistics
    public let createdAt: Date
    public var updatedAt: Date
    public var version: Int

    public static let defaultMaxConcurrentTickets = 5
    public static let defaultMaxConcurrentChats = 3

    public init(
        userID: UserID, organizationID: OrganizationID, employeeID: String? = nil, departmentIDs: Set<DepartmentID> = [],
        tier: Int = 1, skills: Set<String> = [], languages: Set<String> = ["en"], availability: Availability = .offline,
        maxConcurrentTickets: Int = AgentProfile.defaultMaxConcurrentTickets,
        maxConcurrentChats: Int = AgentProfile.defaultMaxConcurrentChats,
        shift: ShiftSchedule = .init(), statistics: AgentStatistics = .init(), createdAt: Date, updatedAt: Date? = nil, version: Int = 1
    ) {
        self.userID = userID
        self.organizationID = organizationID
        self.employeeID = employeeID
        self.departmentIDs = departmentIDs
        self.tier = tier
        self.skills = skills
        self.languages = languages
        self.availability = availability
        self.maxConcurrentTickets = maxConcurrentTickets
        self.maxConcurrentChats = maxConcurrentChats
        self.shift = shift
        self.statistics = statistics
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.version = version
    }
}

/// Running totals from which averages are derived; updated by the use cases that produce them.
public struct AgentStatistics: Sendable, Equatable, Codable {
    public var ticketsHandled: Int
    public var ticketsClosed: Int
    public var totalFirstResponseSeconds: Int
    public var firstResponseCount: Int
    public var totalResolutionSeconds: Int
    public var resolutionCount: Int
    public var ratingSum: Int
    public var ratingCount: Int

    public init(
        ticketsHandled: Int = 0, ticketsClosed: Int = 0, totalFirstResponseSeconds: Int = 0, firstResponseCount: Int = 0,
        totalResolutionSeconds: Int = 0, resolutionCount: Int = 0, ratingSum: Int = 0, ratingCount: Int = 0
    ) {
        self.ticketsHandled = ticketsHandled
        self.ticketsClosed = ticketsClosed
        self.totalFirstResponseSeconds = totalFirstResponseSeconds
        self.firstResponseCount = firstResponseCount
        self.totalResolutionSeconds = totalResolutionSeconds
        self.resolutionCount = resolutionCount
        self.ratingSum = ratingSum
        self.ratingCount = ratingCount
    }

    public var averageFirstResponseSeconds: Double? { firstResponseCount == 0 ? nil : Double(totalFirstResponseSeconds) / Double(firstResponseCount) }
    public var averageResolutionSeconds: Double? { resolutionCount == 0 ? nil : Double(totalResolutionSeconds) / Double(resolutionCount) }
    public var averageRating: Double? { ratingCount == 0 ? nil : Double(ratingSum) / Double(ratingCount) }
}
