import Domain

/// `POST /tickets`.
struct CreateTicketRequest: Decodable, Sendable {
    var subject: String?
    var description: String?
    var category: String?
    var priority: String?
    var channel: String?
    var tags: [String]?
    var customFields: [String: JSONValue]?
    var references: [ReferenceRequest]?
    var departmentId: String?
    var language: String?
    /// Staff opening a ticket for a customer name them.
    var customerId: String?

    func newTicket() throws(DomainError) -> NewTicket {
        var reader = FieldReader()
        let priority: Priority? = reader.choice(priority, "priority")
        let channel: Channel? = reader.choice(channel, "channel")
        let fields = reader.customFields(customFields)
        let department: DepartmentID? = reader.id(departmentId, "departmentId")
        let customer: UserID? = reader.id(customerId, "customerId")
        try reader.check()
        return NewTicket(
            subject: subject, description: description, category: category, priority: priority, channel: channel ?? .web,
            tags: tags ?? [], customFields: fields ?? [:], references: references?.map(\.reference) ?? [],
            departmentID: department, language: language, customerID: customer
        )
    }
}

struct ReferenceRequest: Decodable, Sendable {
    var kind: String
    var value: String
    var url: String?

    var reference: ExternalReference { ExternalReference(kind: kind, value: value, url: url) }
}

/// `PATCH /tickets/{id}`: absent fields stay as they are.
struct PatchTicketRequest: Decodable, Sendable {
    var subject: String?
    var description: String?
    var category: String?
    var tags: [String]?
    var customFields: [String: JSONValue]?
    var references: [ReferenceRequest]?
    var departmentId: String?
    var language: String?
    var requiredSkills: [String]?
    var tier: Int?

    func patch() throws(DomainError) -> TicketPatch {
        var reader = FieldReader()
        let fields = reader.customFields(customFields)
        let department: DepartmentID? = reader.id(departmentId, "departmentId")
        try reader.check()
        return TicketPatch(
            subject: subject, description: description, category: category, tags: tags, customFields: fields,
            references: references?.map(\.reference), departmentID: department, language: language,
            requiredSkills: requiredSkills.map(Set.init), tier: tier
        )
    }
}

/// `POST /tickets/{id}/assign`.
struct AssignRequest: Decodable, Sendable {
    var agentId: String?
}

/// `POST /tickets/{id}/status`.
struct StatusRequest: Decodable, Sendable {
    var status: String?
    var note: String?
}

/// `POST /tickets/{id}/priority`.
struct PriorityRequest: Decodable, Sendable {
    var priority: String?
}

/// `POST /tickets/{id}/escalate`.
struct EscalateRequest: Decodable, Sendable {
    var toAgentId: String?
    var toDepartmentId: String?
    var reason: String?
}

/// `POST /tickets/{id}/resolve`.
struct ResolveRequest: Decodable, Sendable {
    var resolutionType: String?
    var summary: String?
    var notes: String?
}

/// `POST /tickets/{id}/reopen`.
struct ReopenRequest: Decodable, Sendable {
    var reason: String?
}

/// `POST /tickets/{id}/rate`.
struct RateRequest: Decodable, Sendable {
    var rating: Int?
    var feedback: String?
    var nps: Int?
    var resolvedIssue: Bool?
    var agentRating: Int?
    var responseTimeRating: Int?
    var communicationRating: Int?

    var input: RatingInput {
        RatingInput(
            rating: rating, feedback: feedback, nps: nps, resolvedIssue: resolvedIssue, agentRating: agentRating,
            responseTimeRating: responseTimeRating, communicationRating: communicationRating
        )
    }
}

/// `POST /tickets/{id}/messages`.
struct PostMessageRequest: Decodable, Sendable {
    var body: String?
    var `internal`: Bool?
    var attachmentIds: [String]?
}
