import Domain

/// A staff member with their working profile.
struct AgentResponse: Encodable, Sendable {
    let id: String
    let email: String
    let name: String
    let role: String
    let isActive: Bool
    @Nullable var employeeId: String?
    let departmentIds: [String]
    let tier: Int
    let skills: [String]
    let languages: [String]
    let status: String
    let maxConcurrentTickets: Int
    let maxConcurrentChats: Int
    let shift: ShiftResponse
    let statistics: AgentStatisticsResponse
    let version: Int
    let createdAt: String
    let updatedAt: String

    init(_ user: User, _ profile: AgentProfile) {
        id = user.id.description
        email = user.email.value
        name = user.name
        role = user.role.rawValue
        isActive = user.isActive
        employeeId = profile.employeeID
        departmentIds = profile.departmentIDs.sorted().map(\.description)
        tier = profile.tier
        skills = profile.skills.sorted()
        languages = profile.languages.sorted()
        status = profile.availability.rawValue
        maxConcurrentTickets = profile.maxConcurrentTickets
        maxConcurrentChats = profile.maxConcurrentChats
        shift = ShiftResponse(profile.shift)
        statistics = AgentStatisticsResponse(profile.statistics)
        version = profile.version
        createdAt = WireTime.string(profile.createdAt)
        updatedAt = WireTime.string(profile.updatedAt)
    }
}

struct ShiftResponse: Encodable, Sendable {
    let timeZone: String
    let windows: [ShiftWindowResponse]

    init(_ shift: ShiftSchedule) {
        timeZone = shift.timeZone
        windows = shift.windows.map { ShiftWindowResponse(weekday: $0.weekday, startMinute: $0.startMinute, endMinute: $0.endMinute) }
    }
}

struct ShiftWindowResponse: Encodable, Sendable {
    let weekday: Int
    let startMinute: Int
    let endMinute: Int
}

struct AgentStatisticsResponse: Encodable, Sendable {
    let ticketsHandled: Int
    let ticketsClosed: Int
    @Nullable var averageFirstResponseSeconds: Double?
    @Nullable var averageResolutionSeconds: Double?
    @Nullable var averageRating: Double?
    let ratingCount: Int

    init(_ statistics: AgentStatistics) {
        ticketsHandled = statistics.ticketsHandled
        ticketsClosed = statistics.ticketsClosed
        averageFirstResponseSeconds = statistics.averageFirstResponseSeconds
        averageResolutionSeconds = statistics.averageResolutionSeconds
        averageRating = statistics.averageRating
        ratingCount = statistics.ratingCount
    }
}
