import Foundation

/// A support request and everything decided about it (§3). Changed only through use cases,
/// which produce the next value and the audit events that explain it.
public struct Ticket: Sendable, Equatable {
    public let id: TicketID
    public let organizationID: OrganizationID
    /// Allocated by storage at insertion; `.unallocated` before that.
    public var number: TicketNumber
    public var customerID: UserID
    public var contact: Contact
    public var subject: String
    public var description: String
    public var channel: Channel
    public var category: String
    public var priority: Priority
    public var status: TicketStatus
    /// Lower-cased, unique, sorted.
    public var tags: [String]
    public var customFields: [String: CustomFieldValue]
    public var references: [ExternalReference]
    public var journeyAnswers: JourneyAnswers?
    public var attachmentIDs: [FileID]
    public var assigneeID: UserID?
    public var departmentID: DepartmentID?
    /// Support tier the ticket needs (1–3); raised by escalation.
    public var tier: Int
    public var requiredSkills: Set<String>
    public var language: String?
    /// Staff who were assigned to it or wrote on it: they keep seeing it (§14).
    public var participantIDs: Set<UserID>
    public var escalations: [Escalation]
    public var resolution: Resolution?
    public var rating: CustomerRating?
    public var mergedIntoID: TicketID?
    public var linkedTicketIDs: [TicketID]
    public var firstResponseAt: Date?
    public var closedAt: Date?
    public var reopenCount: Int
    public let createdAt: Date
    public var updatedAt: Date
    /// Optimistic-concurrency version: 1 at creation, +1 with every committed change.
    public var version: Int

    public init(
        id: TicketID, organizationID: OrganizationID, number: TicketNumber = .unallocated, customerID: UserID,
        contact: Contact, subject: String, description: String, channel: Channel = .web, category: String = "general",
        priority: Priority = .medium, status: TicketStatus = .open, tags: [String] = [],
        customFields: [String: CustomFieldValue] = [:], references: [ExternalReference] = [],
        journeyAnswers: JourneyAnswers? = nil, attachmentIDs: [FileID] = [], assigneeID: UserID? = nil,
        departmentID: DepartmentID? = nil, tier: Int = 1, requiredSkills: Set<String> = [], language: String? = nil,
        participantIDs: Set<UserID> = [], escalations: [Escalation] = [], resolution: Resolution? = nil,
        rating: CustomerRating? = nil, mergedIntoID: TicketID? = nil, linkedTicketIDs: [TicketID] = [],
        firstResponseAt: Date? = nil, closedAt: Date? = nil, reopenCount: Int = 0, createdAt: Date,
        updatedAt: Date? = nil, version: Int = 1
    ) {
        self.id = id
        self.organizationID = organizationID
        self.number = number
        self.customerID = customerID
        self.contact = contact
        self.subject = subject
        self.description = description
        self.channel = channel
        self.category = category
        self.priority = priority
        self.status = status
        self.tags = Ticket.normalizedTags(tags)
        self.customFields = customFields
        self.references = references
        self.journeyAnswers = journeyAnswers
        self.attachmentIDs = attachmentIDs
        self.assigneeID = assigneeID
        self.departmentID = departmentID
        self.tier = tier
        self.requiredSkills = requiredSkills
        self.language = language
        self.participantIDs = participantIDs
        self.escalations = escalations
        self.resolution = resolution
        self.rating = rating
        self.mergedIntoID = mergedIntoID
        self.linkedTicketIDs = linkedTicketIDs
        self.firstResponseAt = firstResponseAt
        self.closedAt = closedAt
        self.reopenCount = reopenCount
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.version = version
    }

    /// Current escalation level: 0 when never escalated.
    public var escalationLevel: Int { escalations.last?.level ?? 0 }

    /// When it was resolved, if it is or was.
    public var resolvedAt: Date? { resolution?.resolvedAt }

    /// Tags as stored: trimmed, lower-cased, de-duplicated, sorted, empty ones dropped.
    public static func normalizedTags(_ tags: [String]) -> [String] {
        Array(Set(tags.map { $0.trimmingWhitespace().lowercased() }.filter { !$0.isEmpty })).sorted()
    }
}
