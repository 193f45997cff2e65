import Domain

/// The profile fields shared by `POST /agents` and `PATCH /agents/{id}`; absent ones stay as they are.
struct AgentProfileFields: Decodable, Sendable {
    var employeeId: String?
    var departmentIds: [String]?
    var tier: Int?
    var skills: [String]?
    var languages: [String]?
    var maxConcurrentTickets: Int?
    var maxConcurrentChats: Int?
    var shift: ShiftRequest?
    var status: String?

    func patch(_ reader: inout FieldReader) -> AgentUseCases.ProfilePatch {
        let departments: [DepartmentID]? = reader.ids(departmentIds, "departmentIds")
        let availability: Availability? = reader.choice(status, "status")
        return AgentUseCases.ProfilePatch(
            employeeID: employeeId, departmentIDs: departments.map(Set.init), tier: tier, skills: skills.map(Set.init),
            languages: languages.map(Set.init), maxConcurrentTickets: maxConcurrentTickets, maxConcurrentChats: maxConcurrentChats,
            shift: shift?.schedule, availability: availability
        )
    }
}

struct ShiftRequest: Decodable, Sendable {
    var timeZone: String
    var windows: [ShiftWindowRequest]

    var schedule: ShiftSchedule {
        ShiftSchedule(timeZone: timeZone, windows: windows.map { ShiftWindow(weekday: $0.weekday, startMinute: $0.startMinute, endMinute: $0.endMinute) })
    }
}

struct ShiftWindowRequest: Decodable, Sendable {
    var weekday: Int
    var startMinute: Int
    var endMinute: Int
}

/// `POST /agents`: the account and its profile.
struct CreateAgentRequest: Decodable, Sendable {
    var email: String?
    var name: String?
    var password: String?
    var phone: String?
    var role: String?
    var profile: AgentProfileFields

    private enum CodingKeys: String, CodingKey {
        case email, name, password, phone, role
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        email = try container.decodeIfPresent(String.self, forKey: .email)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        password = try container.decodeIfPresent(String.self, forKey: .password)
        phone = try container.decodeIfPresent(String.self, forKey: .phone)
        role = try container.decodeIfPresent(String.self, forKey: .role)
        // The profile's fields sit beside the account's in one flat object.
        profile = try AgentProfileFields(from: decoder)
    }

    func inputs() throws(DomainError) -> (UserUseCases.NewUser, AgentUseCases.ProfilePatch) {
        var reader = FieldReader()
        let role: Role? = reader.choice(role ?? Role.agent.rawValue, "role")
        let patch = profile.patch(&reader)
        try reader.check()
        return (UserUseCases.NewUser(email: email, name: name, password: password, role: role!, phone: phone), patch)
    }
}

/// `PUT /agents/me/status`.
struct AvailabilityRequest: Decodable, Sendable {
    var status: String?
}
