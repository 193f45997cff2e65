import Domain
import Foundation

/// A ticket as clients see it. Staff see everything; customers do not see the internal fields
/// (`tier`, `requiredSkills`, `participantIds`, `escalations` with their reasons, resolution notes):
/// those keys are left out of their responses.
struct TicketResponse: Encodable, Sendable {
    let id: String
    let number: String
    let version: Int
    let status: String
    let priority: String
    let category: String
    let channel: String
    let subject: String
    let description: String
    let customerId: String
    let contact: ContactResponse
    let tags: [String]
    let customFields: [String: CustomFieldResponse]
    let references: [ReferenceResponse]
    @Nullable var assigneeId: String?
    @Nullable var departmentId: String?
    @Nullable var language: String?
    let escalationLevel: Int
    @Nullable var resolution: ResolutionResponse?
    @Nullable var rating: RatingResponse?
    let reopenCount: Int
    let attachmentIds: [String]
    @Nullable var mergedIntoId: String?
    let linkedTicketIds: [String]
    @Nullable var journey: JourneyAnswersResponse?
    @Nullable var firstResponseAt: String?
    @Nullable var resolvedAt: String?
    @Nullable var closedAt: String?
    let createdAt: String
    let updatedAt: String
    let sla: SLAResponse
    // Internal fields: staff only.
    let tier: Int?
    let requiredSkills: [String]?
    let participantIds: [String]?
    let escalations: [EscalationResponse]?

    // Not optimised: Swift 6.3's release pipeline crashes on this initializer ("Found ownership
    // error?!" in the SIL ownership verifier, with its many @Nullable wrapped stores), so
    // `swift build -c release` (the benchmark's build) failed. One unoptimised response struct costs
    // nothing measurable next to encoding it.
    @_optimize(none)
    init(_ ticket: Ticket, prefix: String, showsInternal: Bool, sla: SLAStatus?) {
        id = ticket.id.description
        number = ticket.number.formatted(prefix: prefix)
        version = ticket.version
        status = ticket.status.rawValue
        priority = ticket.priority.rawValue
        category = ticket.category
        channel = ticket.channel.rawValue
        subject = ticket.subject
        description = ticket.description
        customerId = ticket.customerID.description
        contact = ContactResponse(name: ticket.contact.name, email: ticket.contact.email?.value, phone: ticket.contact.phone)
        tags = ticket.tags
        customFields = ticket.customFields.mapValues(CustomFieldResponse.init)
        references = ticket.references.map { ReferenceResponse(kind: $0.kind, value: $0.value, url: $0.url) }
        assigneeId = ticket.assigneeID?.description
        departmentId = ticket.departmentID?.description
        language = ticket.language
        escalationLevel = ticket.escalationLevel
        resolution = ticket.resolution.map { ResolutionResponse($0, showsInternal: showsInternal) }
        rating = ticket.rating.map(RatingResponse.init)
        reopenCount = ticket.reopenCount
        attachmentIds = ticket.attachmentIDs.map(\.description)
        mergedIntoId = ticket.mergedIntoID?.description
        linkedTicketIds = ticket.linkedTicketIDs.map(\.description)
        journey = ticket.journeyAnswers.map(JourneyAnswersResponse.init)
        firstResponseAt = WireTime.string(ticket.firstResponseAt)
        resolvedAt = WireTime.string(ticket.resolvedAt)
        closedAt = WireTime.string(ticket.closedAt)
        createdAt = WireTime.string(ticket.createdAt)
        updatedAt = WireTime.string(ticket.updatedAt)
        self.sla = sla.map(SLAResponse.init) ?? .notComputed
        tier = showsInternal ? ticket.tier : nil
        requiredSkills = showsInternal ? ticket.requiredSkills.sorted() : nil
        participantIds = showsInternal ? ticket.participantIDs.sorted().map(\.description) : nil
        escalations = showsInternal ? ticket.escalations.map(EscalationResponse.init) : nil
    }
}

struct ContactResponse: Encodable, Sendable {
    let name: String
    @Nullable var email: String?
    @Nullable var phone: String?
}

struct ReferenceResponse: Encodable, Sendable {
    let kind: String
    let value: String
    @Nullable var url: String?
}

/// A custom field as plain JSON: a string, a number, a boolean, a list of strings, or a date as a string.
struct CustomFieldResponse: Encodable, Sendable {
    let value: CustomFieldValue

    init(_ value: CustomFieldValue) { self.value = value }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch value {
        case .text(let text): try container.encode(text)
        case .number(let number): try container.encode(number)
        case .bool(let flag): try container.encode(flag)
        case .date(let date): try container.encode(WireTime.string(date))
        case .list(let items): try container.encode(items)
        }
    }
}

struct ResolutionResponse: Encodable, Sendable {
    let resolutionType: String
    let summary: String
    /// Internal: left out for customers.
    let notes: String?
    let resolvedBy: String
    let resolvedAt: String

    init(_ resolution: Resolution, showsInternal: Bool) {
        resolutionType = resolution.kind.rawValue
        summary = resolution.summary
        notes = showsInternal ? resolution.notes : nil
        resolvedBy = resolution.resolvedBy.description
        resolvedAt = WireTime.string(resolution.resolvedAt)
    }
}

struct RatingResponse: Encodable, Sendable {
    let rating: Int
    @Nullable var feedback: String?
    @Nullable var nps: Int?
    @Nullable var resolvedIssue: Bool?
    @Nullable var agentRating: Int?
    @Nullable var responseTimeRating: Int?
    @Nullable var communicationRating: Int?
    let ratedAt: String

    init(_ rating: CustomerRating) {
        self.rating = rating.rating
        feedback = rating.feedback
        nps = rating.nps
        resolvedIssue = rating.resolvedIssue
        agentRating = rating.agentRating
        responseTimeRating = rating.responseTimeRating
        communicationRating = rating.communicationRating
        ratedAt = WireTime.string(rating.ratedAt)
    }
}

struct EscalationResponse: Encodable, Sendable {
    let level: Int
    @Nullable var toAgentId: String?
    @Nullable var toDepartmentId: String?
    let reason: String
    @Nullable var escalatedBy: String?
    let at: String

    init(_ escalation: Escalation) {
        level = escalation.level
        toAgentId = escalation.toAgentID?.description
        toDepartmentId = escalation.toDepartmentID?.description
        reason = escalation.reason
        escalatedBy = escalation.escalatedBy?.description
        at = WireTime.string(escalation.at)
    }
}

struct JourneyAnswersResponse: Encodable, Sendable {
    let journeyId: String
    let journeyVersion: Int
    let answers: [String: CustomFieldResponse]

    init(_ answers: JourneyAnswers) {
        journeyId = answers.journeyID
        journeyVersion = answers.journeyVersion
        self.answers = answers.answers.mapValues(CustomFieldResponse.init)
    }
}
